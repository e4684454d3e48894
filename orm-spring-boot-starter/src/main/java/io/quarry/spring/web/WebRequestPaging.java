package io.quarry.spring.web;

import io.quarry.repository.PageRequest;
import io.quarry.repository.Pageable;
import io.quarry.repository.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads Quarry's {@link Pageable} and {@link Sort} controller parameters from the request, with Spring
 * Data's syntax and bounds: {@code ?page=2&size=50&sort=datacenter.name&sort=port,desc,ignorecase}.
 * A page below 0, a size below 1 and numbers that do not parse fall back to the defaults; a size above
 * {@code quarry.web.max-page-size} is lowered to it. Sort properties are not checked here: the
 * repository checks them against the model before any SQL, and an unknown one is answered with a 400
 * ({@link QuarryWebErrors}). Thread-safe.
 */
final class WebRequestPaging implements HandlerMethodArgumentResolver {

    private final QuarryWebProperties properties;

    WebRequestPaging(QuarryWebProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == Pageable.class || type == Sort.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        PageableDefault defaults = parameter.getParameterAnnotation(PageableDefault.class);
        Sort sort = sort(request.getParameterValues(properties.getSortParameter()));
        if (sort.isUnsorted() && defaults != null && defaults.sort().length > 0) {
            sort = Sort.by(defaults.direction(), defaults.sort());
        }
        if (parameter.getParameterType() == Sort.class) {
            return sort;
        }
        int defaultSize = defaults != null && defaults.size() > 0 ? defaults.size() : properties.getDefaultPageSize();
        int defaultPage = defaults != null ? Math.max(defaults.page(), 0) : 0;
        int offset = properties.isOneIndexedParameters() ? 1 : 0;
        int page = number(request.getParameter(properties.getPageParameter()), defaultPage + offset) - offset;
        int size = number(request.getParameter(properties.getSizeParameter()), defaultSize);
        if (page < 0) {
            page = defaultPage;
        }
        if (size < 1) {
            size = defaultSize;
        }
        return PageRequest.of(page, Math.min(size, Math.max(properties.getMaxPageSize(), 1)), sort);
    }

    /** A whole number, or {@code fallback} when absent, blank or not a number (too large included). */
    private static int number(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Spring Data's sort syntax: each value is {@code property(,property)*(,asc|desc)?(,ignorecase)?}; the
     * direction and ignore-case apply to every property of that value; blank properties are skipped.
     */
    static Sort sort(String[] values) {
        if (values == null) {
            return Sort.unsorted();
        }
        List<Sort.Order> orders = new ArrayList<>();
        for (String value : values) {
            List<String> parts = new ArrayList<>(List.of(value.split(",", -1)));
            boolean ignoreCase = !parts.isEmpty() && parts.get(parts.size() - 1).trim().equalsIgnoreCase("ignorecase");
            if (ignoreCase) {
                parts.remove(parts.size() - 1);
            }
            Sort.Direction direction = Sort.Direction.ASC;
            if (parts.size() > 1) {
                String last = parts.get(parts.size() - 1).trim().toLowerCase(Locale.ROOT);
                if (last.equals("asc") || last.equals("desc")) {
                    direction = last.equals("desc") ? Sort.Direction.DESC : Sort.Direction.ASC;
                    parts.remove(parts.size() - 1);
                }
            }
            for (String part : parts) {
                String property = part.trim();
                if (!property.isEmpty()) {
                    Sort.Order order = new Sort.Order(direction, property);
                    orders.add(ignoreCase ? order.ignoreCase() : order);
                }
            }
        }
        return orders.isEmpty() ? Sort.unsorted() : Sort.by(orders);
    }
}
