package io.quarry.spring.test;

import io.quarry.session.Engine;
import io.quarry.spring.boot.QuarryAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@link RecordedStatements} of a test context, listening to its {@link Engine}. */
@AutoConfiguration(after = QuarryAutoConfiguration.class)
@ConditionalOnBean(Engine.class)
class RecordedStatementsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RecordedStatements quarryRecordedStatements(Engine engine) {
        StatementRecorder recorder = new StatementRecorder();
        engine.addStatementListener(recorder);
        return recorder;
    }
}
