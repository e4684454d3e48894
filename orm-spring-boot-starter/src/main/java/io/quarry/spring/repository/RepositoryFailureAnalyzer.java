package io.quarry.spring.repository;

import io.quarry.repository.QueryCreationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports repository methods Quarry cannot implement, found when the repositories are created at start-up. */
final class RepositoryFailureAnalyzer extends AbstractFailureAnalyzer<QueryCreationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, QueryCreationException cause) {
        return new FailureAnalysis("A repository interface has methods Quarry cannot implement:\n\n    "
                + cause.getMessage().replace("\n", "\n    "),
                "Fix each method as its message says: rename it after a mapped property, change its parameters or "
                        + "return type, or give it a @Query. Quarry checks every repository method when the "
                        + "application starts, so a bad one never fails later at run time.",
                cause);
    }
}
