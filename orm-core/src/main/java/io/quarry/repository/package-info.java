/**
 * Repositories: interfaces whose methods Quarry implements, Spring Data style.
 *
 * <pre>{@code
 * interface HostRepository extends PagingAndSortingRepository<Host, Long> {
 *     List<Host> findByHostnameStartingWithIgnoreCaseOrderByPortDesc(String prefix);
 *     Page<HostSummary> findByActiveTrue(Pageable pageable);
 *     Integer maxPortByHostnameStartingWith(String prefix);
 *     int updatePortByHostname(int port, String hostname);
 *     @Query("select * from host where hostname like :pattern")
 *     List<Host> search(String pattern);
 * }
 *
 * RepositoryFactory repositories = RepositoryFactory.of(engine.sessionFactory());
 * HostRepository hosts = repositories.create(HostRepository.class, new HostRepositoryCustomImpl());
 * repositories.context().inTransaction(session -> { hosts.save(a); hosts.save(b); return null; });
 * }</pre>
 *
 * <p>{@link io.quarry.repository.support.RepositoryFactory#create} resolves every method once, when the
 * proxy is built, in this order: a method of one of the given fragment objects; a {@code default}
 * method; a {@link io.quarry.repository.CrudRepository} or
 * {@link io.quarry.repository.PagingAndSortingRepository} method; {@link io.quarry.repository.Query}
 * SQL; otherwise a query derived from the method name. Derived names are parsed into a tree, checked
 * against the entity, the parameters and the return type, and rendered to SQL with bound
 * placeholders for the call's arguments. A method that cannot be implemented fails the whole
 * repository with a {@link io.quarry.repository.QueryCreationException} naming it.
 *
 * <p>Run-time variants are rendered from the same tree and cached: an Is/Not argument that is
 * null selects a pre-rendered {@code IS [NOT] NULL} statement; an In argument (Collection,
 * Iterable, array or varargs) is padded to a size bucket (0, powers of two up to 1024, then
 * multiples of 1024) by repeating its last element, so at most a few statements exist per method;
 * a run-time {@link io.quarry.repository.Sort} may only name properties of the entity.
 *
 * <p><b>Transactions.</b> Repositories get sessions from a
 * {@link io.quarry.repository.RepositoryContext}: the caller's session when there is one; otherwise
 * writes run in a transaction of their own and single-statement reads in an auto-commit session
 * (one round trip). The Spring starter implements {@code RepositoryContext} over Spring's
 * transactions (current session: the transaction-bound session when a transaction is active, else
 * null; {@code inTransaction}: a {@code TransactionTemplate}; {@code read} and {@code stream}: an
 * auto-commit session from the {@code SessionFactory}) and calls
 * {@code new RepositoryFactory(engine, context).create(type, fragmentBeans...)} from a
 * {@code FactoryBean}.
 */
package io.quarry.repository;
