package io.quarry.session;

import io.quarry.mapping.CreatedBy;
import io.quarry.mapping.CreatedDate;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.LastModifiedBy;
import io.quarry.mapping.LastModifiedDate;
import io.quarry.mapping.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An entity with the date types and the primitive auditor id that AuditedNote does not have. */
@Entity
@Table(name = "s3_audited_reading")
class AuditedReading {
    @Id
    @GeneratedValue
    Long id;
    String label;
    @CreatedDate
    OffsetDateTime createdAt;
    @CreatedDate
    LocalDate createdOn;
    @LastModifiedDate
    java.sql.Timestamp modifiedAt;
    @LastModifiedDate
    java.sql.Date modifiedOn;
    @LastModifiedDate
    Long modifiedMillis;
    @CreatedBy
    int createdBy;
    @LastModifiedBy
    Integer modifiedBy;

    AuditedReading() {
    }

    AuditedReading(String label) {
        this.label = label;
    }
}
