package io.quarry.session;

import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;

/** An entity with an application-assigned id, for ordering and upsert tests. */
@Entity
@Table(name = "s3_tag")
class Tag {
    @Id
    String code;
    String label;

    Tag() {
    }

    Tag(String code, String label) {
        this.code = code;
        this.label = label;
    }
}
