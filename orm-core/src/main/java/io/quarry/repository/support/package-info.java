/**
 * Builds repositories: {@link io.quarry.repository.support.RepositoryFactory} (the API) turns a
 * repository interface into a JDK proxy whose handlers are all made when it is built: fragment
 * methods, default methods, the CRUD methods, then {@code @Query} and derived queries from
 * {@code io.quarry.repository.query}. Everything here but the factory is package-private.
 */
package io.quarry.repository.support;
