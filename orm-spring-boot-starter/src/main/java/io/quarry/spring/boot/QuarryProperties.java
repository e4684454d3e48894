package io.quarry.spring.boot;

import io.quarry.session.NPlusOneDetection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code quarry.*} properties. Bound once at start-up; not thread-safe while binding.
 */
@ConfigurationProperties("quarry")
public class QuarryProperties {

    /**
     * What to do with the schema at start-up: none, create, create-drop, drop-create, validate or
     * update. Defaults to create for an embedded database (H2) and none otherwise.
     */
    private DdlAuto ddlAuto;

    /** Whether to log every statement with its elapsed time at INFO on logger io.quarry.SQL (bound values only at TRACE). */
    private boolean showSql;

    /** Rows per JDBC batch when a flush inserts, updates or deletes. */
    private int batchSize = 1000;

    /** Whether sessions flush pending changes before each query, so that queries see them. */
    private boolean autoflush = true;

    /**
     * Time limit of each statement (whole seconds; unset: none). A transaction's own timeout
     * (@Transactional(timeout = ...)) still applies when it leaves less time.
     */
    private Duration queryTimeout;

    /**
     * How long a statement of a transaction waits for a row or table lock another transaction
     * holds before it fails with CannotAcquireLockException (unset: the database's own). Set once
     * per transaction, from Quarry's first statement in it; milliseconds, whole seconds on MySQL
     * and MariaDB (rounded up).
     */
    private Duration lockTimeout;

    /**
     * Packages to scan for @Entity classes. Defaults to those of @QuarryEntityScan, else the
     * application's package (that of @SpringBootApplication).
     */
    private List<String> entityPackages = new ArrayList<>();

    /** The database dialect (h2, mysql, mariadb, postgresql). Detected from the DataSource when not set. */
    private String dialect;

    /** The N+1 detector, which watches the reads of each transaction's session. */
    private final NPlusOne nPlusOne = new NPlusOne();

    public DdlAuto getDdlAuto() {
        return ddlAuto;
    }

    public void setDdlAuto(DdlAuto ddlAuto) {
        this.ddlAuto = ddlAuto;
    }

    public boolean isShowSql() {
        return showSql;
    }

    public void setShowSql(boolean showSql) {
        this.showSql = showSql;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public boolean isAutoflush() {
        return autoflush;
    }

    public void setAutoflush(boolean autoflush) {
        this.autoflush = autoflush;
    }

    public Duration getQueryTimeout() {
        return queryTimeout;
    }

    public void setQueryTimeout(Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public List<String> getEntityPackages() {
        return entityPackages;
    }

    public void setEntityPackages(List<String> entityPackages) {
        this.entityPackages = entityPackages;
    }

    public String getDialect() {
        return dialect;
    }

    public void setDialect(String dialect) {
        this.dialect = dialect;
    }

    public NPlusOne getNPlusOne() {
        return nPlusOne;
    }

    /** {@code quarry.n-plus-one.*}: when one read runs too often in one transaction, and what then happens. */
    public static class NPlusOne {

        /** How many times one statement shape may run in one session (one transaction) before it is reported; 0 switches the detector off. */
        private int threshold = NPlusOneDetection.DEFAULT_THRESHOLD;

        /** What happens above the threshold: warn (once per statement shape and session, logger io.quarry.NPlusOne), strict (the statement fails with NPlusOneException; for tests) or off. */
        private NPlusOneDetection.Mode mode = NPlusOneDetection.Mode.WARN;

        public int getThreshold() {
            return threshold;
        }

        public void setThreshold(int threshold) {
            if (threshold < 0) {
                throw new IllegalArgumentException("quarry.n-plus-one.threshold must not be negative, got " + threshold
                        + "; use 0 (or quarry.n-plus-one.mode=off) to switch the detector off");
            }
            this.threshold = threshold;
        }

        public NPlusOneDetection.Mode getMode() {
            return mode;
        }

        public void setMode(NPlusOneDetection.Mode mode) {
            this.mode = mode;
        }

        /** The engine's setting these properties make. */
        NPlusOneDetection detection() {
            return new NPlusOneDetection(mode, threshold);
        }
    }
}
