package io.quarry.readme;

import io.quarry.mapping.CreatedBy;
import io.quarry.mapping.CreatedDate;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.LastModifiedBy;
import io.quarry.mapping.LastModifiedDate;
import java.time.Instant;

// README: audited-entity
@Entity
public class Note {
    @Id @GeneratedValue Long id;
    String text;
    @CreatedDate Instant createdAt;         // Instant, LocalDateTime, OffsetDateTime, LocalDate, long millis...
    @CreatedBy String createdBy;            // what the AuditorAware answers
    @LastModifiedDate Instant modifiedAt;   // set on insert too, as in Spring Data
    @LastModifiedBy String modifiedBy;

    protected Note() {}
    public Note(String text) { this.text = text; }
}
// END
