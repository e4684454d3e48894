package io.quarry.bench.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A host row of {@code host_stream}, the streaming workload's table (read only). */
@Entity
@Table(name = "host_stream")
public class JpaStreamHost extends JpaHostColumns {

    @Id
    private Long id;

    @Override
    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
