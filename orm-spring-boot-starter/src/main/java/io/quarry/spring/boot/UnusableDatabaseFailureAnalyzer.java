package io.quarry.spring.boot;

import io.quarry.dialect.Dialects;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a DataSource Quarry cannot connect to, or a database it does not support. */
final class UnusableDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<UnusableDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnusableDatabaseException cause) {
        String description = "Quarry cannot use the DataSource " + cause.getDataSource() + ":\n\n    " + cause.getMessage();
        String action = cause.isUnreachable()
                ? "Check spring.datasource.url, spring.datasource.username and spring.datasource.password: the "
                        + "database server must be running and reachable, and the database named in the URL must exist "
                        + "(create it, e.g. 'create database ...') and accept that login."
                : "Use a database Quarry supports (H2 2.x, MySQL 8+, MariaDB 10.6+, PostgreSQL 13+). If this one is "
                        + "compatible with one of them, name that dialect with quarry.dialect (" + Dialects.SUPPORTED + ").";
        return new FailureAnalysis(description, action, cause);
    }
}
