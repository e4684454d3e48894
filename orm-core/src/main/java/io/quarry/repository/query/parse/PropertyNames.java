package io.quarry.repository.query.parse;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.Names;
import io.quarry.mapping.PropertyModel;
import io.quarry.repository.query.InvalidQueryMethodException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the property a method name or parameter name refers to: exactly (property or column
 * name), else ignoring case ({@code IPAddr} finds {@code ipAddr}). Stateless.
 */
public final class PropertyNames {

    private PropertyNames() {
    }

    /** The property {@code name} refers to, or null. */
    public static PropertyModel find(EntityModel<?> model, String name) {
        PropertyModel exact = model.findProperty(name);
        if (exact != null) {
            return exact;
        }
        PropertyModel found = null;
        for (PropertyModel property : model.properties()) {
            if (property.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                if (found != null) {
                    return null;
                }
                found = property;
            }
        }
        return found;
    }

    /**
     * The property a condition of a method name refers to. When no property matches but one begins
     * the name ({@code hostnameFuzzy}), the rest is a word that is not a keyword: say so and list the
     * nearest keywords instead of the properties.
     */
    public static PropertyModel resolveCondition(EntityModel<?> model, String name, String methodPart) {
        PropertyModel found = find(model, name);
        if (found != null) {
            return found;
        }
        for (PropertyModel property : model.properties()) {
            String prefix = property.name();
            if (name.length() > prefix.length() && name.regionMatches(true, 0, prefix, 0, prefix.length())
                    && Character.isUpperCase(name.charAt(prefix.length()))) {
                String word = name.substring(prefix.length());
                List<String> keywords = new ArrayList<>();
                for (Part.Type type : Part.Type.MATCH_ORDER) {
                    keywords.addAll(type.keywords());
                }
                keywords.addAll(List.of("IgnoreCase", "AllIgnoreCase", "OrderBy", "And", "Or"));
                throw new InvalidQueryMethodException("'" + word + "' after the property '" + prefix + "' (in '"
                        + methodPart + "') is not a keyword; the nearest keywords are "
                        + String.join(", ", Names.nearest(word, keywords, 3)) + " (Spring Data's query keywords)");
            }
        }
        return model.property(name);
    }

    /** The property {@code name} refers to; a MappingException with the closest name otherwise. */
    public static PropertyModel resolve(EntityModel<?> model, String name) {
        PropertyModel found = find(model, name);
        return found != null ? found : model.property(name);
    }
}
