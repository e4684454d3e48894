package io.quarry.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Datacenters over REST (started with {@code --serve}). */
@RestController
@RequestMapping("/datacenters")
public class DatacenterController {

    private final DatacenterRepository datacenters;

    public DatacenterController(DatacenterRepository datacenters) {
        this.datacenters = datacenters;
    }

    /**
     * {@code GET /datacenters/{id}}: the datacenter with its hosts and their tags, read outside a transaction in
     * three statements (the datacenter, its hosts, their tags: {@code @LoadWith} on the repository method).
     */
    @GetMapping("/{id}")
    public DatacenterView get(@PathVariable long id) {
        return datacenters.readById(id).map(DatacenterView::of).orElseThrow(() -> new DatacenterNotFoundException(id));
    }
}
