package io.quarry.readme;

import io.quarry.repository.Page;
import io.quarry.repository.Pageable;
import io.quarry.spring.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// README: web-paging
@RestController
public class HostPages {
    private final HostRepository hosts;

    public HostPages(HostRepository hosts) {
        this.hosts = hosts;
    }

    @GetMapping("/hosts")       // GET /hosts?from=1&to=1024&page=0&size=50&sort=port,desc&sort=hostname
    public Page<Host> hosts(@RequestParam int from, @RequestParam int to,
            @PageableDefault(size = 50, sort = "hostname") Pageable page) {
        return hosts.findByPortBetween(from, to, page);
    }
}
// END
