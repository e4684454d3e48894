package io.quarry.sample;

import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.desc;

import io.quarry.repository.Page;
import io.quarry.repository.PageRequest;
import io.quarry.repository.Sort;
import io.quarry.session.PageResult;
import io.quarry.sql.Order;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The REST API over the inventory (started with {@code --serve}). */
@RestController
@RequestMapping("/hosts")
public class HostController {

    private final HostRepository hosts;
    private final HostService service;

    public HostController(HostRepository hosts, HostService service) {
        this.hosts = hosts;
        this.service = service;
    }

    /**
     * {@code GET /hosts?group=&portFrom=&portTo=&region=&tag=&page=&size=&sort=hostname,desc}: hosts with their
     * datacenter and tags. Without region and tag a repository method reads the page; with either, a query
     * through the relations does ({@link HostService#search}).
     */
    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) String group,
            @RequestParam(defaultValue = "1") int portFrom, @RequestParam(defaultValue = "65535") int portTo,
            @RequestParam(required = false) String region, @RequestParam(required = false) String tag,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "hostname") String sort) {
        if (region != null || tag != null) {
            PageResult<HostView> found = service.search(new HostFilter(region, tag, group, portFrom, portTo),
                    parseOrder(sort), page, size);
            return page(found.content(), found.pageNumber(), found.pageSize(), found.totalElements(), found.totalPages());
        }
        PageRequest request = PageRequest.of(page, size, parseSort(sort));
        Page<Host> result = group == null
                ? hosts.findByPortBetween(portFrom, portTo, request)
                : hosts.findByGroupAndPortBetween(group, portFrom, portTo, request);
        return page(result.getContent().stream().map(HostView::of).toList(), result.getNumber(), result.getSize(),
                result.getTotalElements(), result.getTotalPages());
    }

    @GetMapping("/{id}")
    public HostView get(@PathVariable long id) {
        return service.view(id);
    }

    @PostMapping
    @Transactional
    public ResponseEntity<HostView> create(@Valid @RequestBody HostForm form) {
        Host host = hosts.save(form.toHost());
        return ResponseEntity.created(URI.create("/hosts/" + host.getId())).body(HostView.of(host));
    }

    @PutMapping("/{id}")
    public HostView update(@PathVariable long id, @Valid @RequestBody HostForm form) {
        return service.update(id, form);
    }

    @DeleteMapping("/{id}")
    @Transactional
    public ResponseEntity<Void> delete(@PathVariable long id) {
        hosts.delete(service.get(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/stats/by-group")
    public List<GroupCount> byGroup() {
        return service.countByGroup();
    }

    /** Hosts per region of their datacenter. */
    @GetMapping("/stats/by-region")
    public List<RegionCount> byRegion() {
        return service.countByRegion();
    }

    private static Map<String, Object> page(List<HostView> content, int page, int size, long total, int pages) {
        return Map.of("content", content, "page", page, "size", size, "totalElements", total, "totalPages", pages);
    }

    /** The same sort for a query: the property is checked against the model when the query is built. */
    private static Order parseOrder(String sort) {
        String[] parts = sort.split(",", 2);
        String property = parts[0].trim();
        return parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc") ? desc(property) : asc(property);
    }

    /** "hostname" or "port,desc"; the property is checked against the model by the repository. */
    private static Sort parseSort(String sort) {
        String[] parts = sort.split(",", 2);
        Sort byProperty = Sort.by(parts[0].trim());
        return parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc") ? byProperty.descending() : byProperty;
    }
}
