package io.quarry.spring.boot;

import io.quarry.MappingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports an entity that cannot be mapped, found when the models are built at start-up. */
final class MappingFailureAnalyzer extends AbstractFailureAnalyzer<MappingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MappingException cause) {
        return new FailureAnalysis("An entity class cannot be mapped by Quarry:\n\n    " + cause.getMessage(),
                "Fix the mapping as the message says. Quarry builds the models of the @Entity classes under the "
                        + "application's package (or quarry.entity-packages / @QuarryEntityScan) at start-up; to leave "
                        + "a class out, move it out of those packages.",
                cause);
    }
}
