/**
 * Not API. {@code @Query} methods: the SQL as written, its {@code :name}/{@code ?n} parameters
 * resolved to method parameters once, with LIMIT/OFFSET and count variants.
 */
package io.quarry.repository.query.handwritten;
