package io.quarry.session;

import io.quarry.mapping.CreatedDate;
import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;

/** A @CreatedDate on text, which auditing refuses. */
@Entity
@Table(name = "s3_misaudited_note")
class MisauditedNote {
    @Id
    String code;
    @CreatedDate
    String createdAt;

    MisauditedNote() {
    }

    MisauditedNote(String code) {
        this.code = code;
    }
}
