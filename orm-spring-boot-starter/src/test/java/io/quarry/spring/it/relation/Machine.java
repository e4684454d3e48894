package io.quarry.spring.it.relation;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToMany;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** A machine in a {@link Site}, with {@link Badge}s (a lazy many-to-many). */
@Entity
@Table(name = "spring_machine")
public class Machine {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 64)
    private String hostname;

    @ManyToOne
    private Site site;

    @ManyToMany(joinTable = "spring_machine_badge")
    private Set<Badge> badges = new LinkedHashSet<>();

    protected Machine() {
    }

    public Machine(String hostname, Badge... badges) {
        this.hostname = hostname;
        this.badges.addAll(Set.of(badges));
    }

    public Long getId() {
        return id;
    }

    public String getHostname() {
        return hostname;
    }

    public Site getSite() {
        return site;
    }

    public Set<Badge> getBadges() {
        return badges;
    }
}
