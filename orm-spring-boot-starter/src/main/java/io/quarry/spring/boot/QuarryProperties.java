package io.quarry.spring.boot;

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
}
