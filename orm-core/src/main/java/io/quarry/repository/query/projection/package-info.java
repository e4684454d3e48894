/**
 * Not API. How result rows become what a query method returns: entities, scalars, DTOs built
 * through a constructor and interface projections, each fetched by position (derived queries) or
 * by column label (hand-written SQL).
 */
package io.quarry.repository.query.projection;
