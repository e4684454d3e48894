package io.quarry.spring.it;

import io.quarry.mapping.CreatedBy;
import io.quarry.mapping.CreatedDate;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.LastModifiedBy;
import io.quarry.mapping.LastModifiedDate;
import io.quarry.mapping.Table;
import java.time.Instant;

/** A document whose creation and last change are audited. */
@Entity
@Table(name = "spring_audited_doc")
public class AuditedDocument {

    @Id
    @GeneratedValue
    Long id;
    String title;
    @CreatedDate
    Instant createdAt;
    @CreatedBy
    String createdBy;
    @LastModifiedDate
    Instant modifiedAt;
    @LastModifiedBy
    String modifiedBy;

    public AuditedDocument() {
    }

    public AuditedDocument(String title) {
        this.title = title;
    }
}
