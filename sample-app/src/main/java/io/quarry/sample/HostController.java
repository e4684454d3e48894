package io.quarry.sample;

import io.quarry.repository.Page;
import io.quarry.repository.Pageable;
import io.quarry.spring.web.PageableDefault;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
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
     * datacenter and tags, as {@code {"content": [...], "page": {...}}}. The starter reads the {@link Pageable}
     * (a page below 0 or a size below 1 fall back to the defaults, sizes above {@code quarry.web.max-page-size}
     * are lowered) and answers a sort by an unknown property with a 400. Without region and tag a repository
     * method reads the page; with either, a query through the relations does ({@link HostService#search}).
     */
    @GetMapping
    public Page<HostView> list(@RequestParam(required = false) String group,
            @RequestParam(defaultValue = "1") int portFrom, @RequestParam(defaultValue = "65535") int portTo,
            @RequestParam(required = false) String region, @RequestParam(required = false) String tag,
            @PageableDefault(sort = "hostname") Pageable pageable) {
        if (region != null || tag != null) {
            return service.search(new HostFilter(region, tag, group, portFrom, portTo), pageable);
        }
        Page<Host> result = group == null
                ? hosts.findByPortBetween(portFrom, portTo, pageable)
                : hosts.findByGroupAndPortBetween(group, portFrom, portTo, pageable);
        return Page.of(result.getContent().stream().map(HostView::of).toList(), pageable, result.getTotalElements());
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
}
