package io.quarry.reliability;

import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Index;
import io.quarry.mapping.Table;

/** A row of a job queue that workers take with {@code forUpdateSkipLocked()}. */
@Entity
@Table(name = "rel_job")
@Index(columns = "state")
class Job {
    @Id
    Long id;
    String state;
    String worker;

    Job() {
    }

    Job(long id) {
        this.id = id;
        this.state = "new";
    }
}
