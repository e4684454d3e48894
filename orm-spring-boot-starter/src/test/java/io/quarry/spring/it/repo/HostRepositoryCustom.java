package io.quarry.spring.it.repo;

/** Hand-written methods merged into {@link HostRepository}. */
public interface HostRepositoryCustom {

    String describe(String hostname);
}
