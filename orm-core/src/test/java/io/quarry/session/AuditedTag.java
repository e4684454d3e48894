package io.quarry.session;

import io.quarry.mapping.CreatedBy;
import io.quarry.mapping.CreatedDate;
import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import java.time.Instant;

/** A record entity with audited components: auditing returns stamped copies. */
@Entity
@Table(name = "s3_audited_tag")
record AuditedTag(@Id String code, @CreatedDate Instant createdAt, @CreatedBy String createdBy) {
}
