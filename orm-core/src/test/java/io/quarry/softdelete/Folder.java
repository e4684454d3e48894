package io.quarry.softdelete;

import io.quarry.mapping.Cascade;
import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.OneToMany;
import io.quarry.mapping.SoftDelete;
import io.quarry.mapping.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** A folder of docs, removed with a time; its deletes cascade to its docs. */
@Entity
@Table(name = "sd_folder")
public class Folder {

    @Id @GeneratedValue Long id;
    @Column(length = 32) String name;
    @OneToMany(mappedBy = "folder", cascade = {Cascade.SAVE, Cascade.DELETE})
    List<Doc> docs = new ArrayList<>();
    @SoftDelete LocalDateTime removedAt;

    protected Folder() {
    }

    public Folder(String name) {
        this.name = name;
    }

    public List<Doc> getDocs() {
        return docs;
    }

    Folder add(Doc doc) {
        docs.add(doc);
        doc.folder = this;
        return this;
    }
}
