package io.quarry.spring.web.crate;

import io.quarry.repository.Page;
import io.quarry.repository.Pageable;
import io.quarry.repository.Slice;
import io.quarry.repository.Sort;
import io.quarry.spring.web.PageableDefault;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A controller as an application writes it: Quarry's Pageable and Sort as parameters, pages as results. */
@RestController
public class CrateController {

    private final CrateRepository crates;

    public CrateController(CrateRepository crates) {
        this.crates = crates;
    }

    @GetMapping("/crates")
    public Page<Crate> heavy(@RequestParam(defaultValue = "0") int over, Pageable page) {
        return crates.findByWeightGreaterThan(over, page);
    }

    @GetMapping("/crates/by-label")
    public Slice<Crate> labelled(@RequestParam String prefix,
            @PageableDefault(size = 2, sort = "label", direction = Sort.Direction.DESC) Pageable page) {
        return crates.findByLabelStartingWith(prefix, page);
    }

    @GetMapping("/crates/light")
    public List<Crate> light(@RequestParam(defaultValue = "1000") int under, Sort sort) {
        return crates.findByWeightLessThan(under, sort);
    }

    /** What the resolver made of the request, for the bounds tests. */
    @GetMapping("/pageable")
    public String pageable(Pageable page) {
        return page.getPageNumber() + "/" + page.getPageSize() + "/" + page.getSort();
    }
}
