package io.quarry.softdelete;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.SoftDelete;
import io.quarry.mapping.Table;

/** A doc in a folder, deleted with a flag. */
@Entity
@Table(name = "sd_doc")
public class Doc {

    @Id @GeneratedValue Long id;
    @Column(length = 32) String title;
    @ManyToOne Folder folder;
    @SoftDelete boolean deleted;

    protected Doc() {
    }

    public Doc(String title) {
        this.title = title;
    }

    public String getTitle() {
        return title;
    }
}
