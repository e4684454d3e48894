/**
 * Not API. Parsing of derived-query method names ({@code PartTree}, {@code Part}) into a tree,
 * without SQL, and the resolution of property names against the model.
 */
package io.quarry.repository.query.parse;
