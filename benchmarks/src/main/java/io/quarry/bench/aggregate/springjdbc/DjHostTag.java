package io.quarry.bench.aggregate.springjdbc;

import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code agg_host_tag} inside a host's aggregate: the tag, another aggregate, by id. */
@Table("agg_host_tag")
public record DjHostTag(Long tagId) {
}
