package io.quarry.sample;

import io.quarry.repository.Page;
import io.quarry.repository.PageRequest;
import io.quarry.repository.Sort;
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

    /** {@code GET /hosts?group=&portFrom=&portTo=&page=&size=&sort=hostname,desc} */
    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) String group,
            @RequestParam(defaultValue = "1") int portFrom, @RequestParam(defaultValue = "65535") int portTo,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "hostname") String sort) {
        PageRequest request = PageRequest.of(page, size, parseSort(sort));
        Page<Host> result = group == null
                ? hosts.findByPortBetween(portFrom, portTo, request)
                : hosts.findByGroupAndPortBetween(group, portFrom, portTo, request);
        return Map.of("content", result.getContent(), "page", result.getNumber(), "size", result.getSize(),
                "totalElements", result.getTotalElements(), "totalPages", result.getTotalPages());
    }

    @GetMapping("/{id}")
    public Host get(@PathVariable long id) {
        return service.get(id);
    }

    @PostMapping
    @Transactional
    public ResponseEntity<Host> create(@Valid @RequestBody HostForm form) {
        Host host = hosts.save(form.toHost());
        return ResponseEntity.created(URI.create("/hosts/" + host.getId())).body(host);
    }

    @PutMapping("/{id}")
    public Host update(@PathVariable long id, @Valid @RequestBody HostForm form) {
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

    /** "hostname" or "port,desc"; the property is checked against the model by the repository. */
    private static Sort parseSort(String sort) {
        String[] parts = sort.split(",", 2);
        Sort byProperty = Sort.by(parts[0].trim());
        return parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc") ? byProperty.descending() : byProperty;
    }
}
