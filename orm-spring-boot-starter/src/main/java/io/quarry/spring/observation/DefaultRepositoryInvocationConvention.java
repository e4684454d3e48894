package io.quarry.spring.observation;

import io.micrometer.common.KeyValues;

/**
 * Quarry's names for repository calls: {@code quarry.repository.invocations}, with the tags Spring Boot gives
 * Spring Data's {@code spring.data.repository.invocations}: {@code repository} (the interface's simple name),
 * {@code method}, {@code state} ({@code SUCCESS}, {@code ERROR}) and {@code exception} (the simple name of the
 * exception the caller got, {@code None} without one), so dashboards built for Spring Data read them. The
 * contextual name (a span's name) is {@code HostRepository.findByHostname}. Thread-safe.
 */
public class DefaultRepositoryInvocationConvention implements RepositoryInvocationConvention {

    /** The observation's name, and the timer's. */
    public static final String NAME = "quarry.repository.invocations";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(RepositoryInvocationContext context) {
        return context.getRepository().getSimpleName() + "." + context.getMethod().getName();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(RepositoryInvocationContext context) {
        Throwable error = context.getError();
        return KeyValues.of("repository", context.getRepository().getSimpleName(),
                "method", context.getMethod().getName(),
                "state", error == null ? "SUCCESS" : "ERROR",
                "exception", error == null ? "None" : error.getClass().getSimpleName());
    }
}
