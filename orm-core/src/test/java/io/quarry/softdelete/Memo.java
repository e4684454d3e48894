package io.quarry.softdelete;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.SoftDelete;
import io.quarry.mapping.Table;
import io.quarry.mapping.Version;
import java.time.Instant;

/** A memo whose delete stamps {@code deletedAt}; versioned. */
@Entity
@Table(name = "sd_memo")
public class Memo {

    @Id @GeneratedValue Long id;
    @Column(length = 32) String title;
    @Column(length = 16) String owner;
    @SoftDelete Instant deletedAt;
    @Version Integer version;

    protected Memo() {
    }

    public Memo(String title, String owner) {
        this.title = title;
        this.owner = owner;
    }

    public String getTitle() {
        return title;
    }

    public String getOwner() {
        return owner;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}
