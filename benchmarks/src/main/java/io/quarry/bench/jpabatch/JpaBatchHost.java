package io.quarry.bench.jpabatch;

import io.quarry.bench.jpa.JpaHostColumns;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A host row of {@code host} with a SEQUENCE id, which Hibernate recommends for batched inserts
 * (IDENTITY disables insert batching); {@code allocationSize} 50 matches the sequence's increment,
 * so Hibernate's pooled optimizer fetches one value per 50 rows.
 */
@Entity
@Table(name = "host")
public class JpaBatchHost extends JpaHostColumns {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "host_seq")
    @SequenceGenerator(name = "host_seq", sequenceName = "host_seq", allocationSize = 50)
    private Long id;

    @Override
    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
