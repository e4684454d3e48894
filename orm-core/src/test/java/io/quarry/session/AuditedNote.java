package io.quarry.session;

import io.quarry.mapping.CreatedBy;
import io.quarry.mapping.CreatedDate;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.LastModifiedBy;
import io.quarry.mapping.LastModifiedDate;
import io.quarry.mapping.Table;
import java.time.Instant;
import java.time.LocalDateTime;

/** An entity with every kind of audited property, for auditing tests. */
@Entity
@Table(name = "s3_audited_note")
class AuditedNote {
    @Id
    @GeneratedValue
    Long id;
    String text;
    @CreatedDate
    Instant createdAt;
    @CreatedBy
    String createdBy;
    @LastModifiedDate
    LocalDateTime modifiedAt;
    @LastModifiedBy
    String modifiedBy;
    @LastModifiedDate
    long modifiedMillis;

    AuditedNote() {
    }

    AuditedNote(String text) {
        this.text = text;
    }
}
