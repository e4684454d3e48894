package io.quarry.spring.it.relation;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;

/** A label on machines (the element side of {@link Machine#getBadges()}). */
@Entity
@Table(name = "spring_badge")
public class Badge {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 32)
    private String name;

    protected Badge() {
    }

    public Badge(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
