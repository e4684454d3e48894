package com.example.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spring.test.QuarryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;

/** A bean the slice leaves out joins through an include filter of the application's component scan. */
@QuarryTest(includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ServerService.class))
class IncludeFiltersTest {

    @Autowired
    ApplicationContext context;

    @Test
    void anIncludeFilterAddsABeanTheSliceLeavesOut() {
        assertThat(context.getBeanNamesForType(ServerService.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(FleetCodecs.class)).hasSize(1);
    }
}
