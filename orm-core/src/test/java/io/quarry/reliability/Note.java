package io.quarry.reliability;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.mapping.Version;

/** A versioned entity with text fields, the target of the injection and concurrency tests. */
@Entity
@Table(name = "rel_note")
class Note {
    @Id
    @GeneratedValue
    Long id;
    @Column(length = 200)
    String title;
    @Column(length = 200)
    String body;
    int hits;
    @Version
    int version;

    Note() {
    }

    Note(String title, String body) {
        this.title = title;
        this.body = body;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public int getHits() {
        return hits;
    }
}
