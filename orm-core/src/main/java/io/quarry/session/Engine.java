package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.dialect.Dialect;
import io.quarry.dialect.Dialects;
import io.quarry.internal.DriverManagerDataSource;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.sql.Select;
import io.quarry.sql.Sql;
import io.quarry.sql.SqlStatement;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The starting point, like SQLAlchemy's engine: a DataSource, the dialect detected from it, the
 * codecs and entity models, and {@link #createAll}/{@link #dropAll}. Create one per database
 * and share it; thread-safe.
 */
public final class Engine {

    /** Rows per JDBC batch unless configured. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    private final DataSource dataSource;
    private final ConnectionProvider connections;
    private final Dialect dialect;
    private final CodecRegistry codecs;
    private final ModelRegistry models;
    private final StatementExecutor executor;
    private final int batchSize;
    private final Duration queryTimeout;
    private final Duration lockTimeout;
    private final NPlusOneDetection nPlusOne;
    private final NPlusOneReports nPlusOneReports = new NPlusOneReports();
    /** The entity listeners, or null when none is registered (flushes and loads then skip them at no cost). */
    final EntityCallbacks callbacks;
    private final CachedStatements statements;
    private final Map<String, NamedSql> namedSql = new java.util.concurrent.ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private Engine(Builder builder, Dialect dialect) {
        this.dataSource = builder.dataSource;
        this.connections = builder.connections != null ? builder.connections
                : new DataSourceConnectionProvider(builder.dataSource);
        this.dialect = dialect;
        this.codecs = CodecRegistry.withDefaults();
        dialect.registerCodecs(codecs);
        builder.codecs.forEach((type, codec) -> codecs.register((Class<Object>) type, (Codec<Object>) codec));
        this.models = new ModelRegistry(codecs);
        this.statements = new CachedStatements(dialect, models);
        this.executor = new StatementExecutor(dialect, builder.showSql, builder.listeners,
                StatementObservers.of(builder.observers));
        this.batchSize = builder.batchSize;
        this.queryTimeout = builder.queryTimeout;
        this.lockTimeout = builder.lockTimeout;
        this.nPlusOne = builder.nPlusOne;
        this.callbacks = builder.callbacks.build(models);
    }

    /** Whether a listener wants the deletes of {@code type}'s objects: repositories then delete by id through the session. */
    public boolean hasEntityListeners(Class<?> type) {
        return callbacks != null && callbacks.seesDeletes(type);
    }

    /** An engine over {@code dataSource}, dialect detected. */
    public static Engine create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /** An engine over a non-pooled JDBC URL, for scripts and tests. */
    public static Engine create(String jdbcUrl, String user, String password) {
        return builder(new DriverManagerDataSource(jdbcUrl, user, password)).build();
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public ConnectionProvider connections() {
        return connections;
    }

    public CodecRegistry codecs() {
        return codecs;
    }

    public ModelRegistry models() {
        return models;
    }

    /** The model of {@code type}, built and checked on first use. */
    public <T> EntityModel<T> model(Class<T> type) {
        return models.model(type);
    }

    public int batchSize() {
        return batchSize;
    }

    /** The time limit of each statement of sessions that set none; {@code null} for none. */
    public Duration queryTimeout() {
        return queryTimeout;
    }

    /** How long statements of sessions that set none wait for a lock; {@code null} for the database's own. */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    /** How the N+1 detector watches sessions that do not set their own ({@link SessionOptions#nPlusOne()}). */
    public NPlusOneDetection nPlusOne() {
        return nPlusOne;
    }

    /** The N+1 detector of a session with {@code options}, or null when its detection is off. */
    NPlusOneDetector nPlusOneDetector(SessionOptions options) {
        NPlusOneDetection settings = options.nPlusOne() != null ? options.nPlusOne() : nPlusOne;
        return NPlusOneDetector.of(settings, dialect.lexicalRules(), nPlusOneReports);
    }

    /** Where N+1 warnings go instead of logger {@code io.quarry.NPlusOne} (for tests). */
    void nPlusOneWarnings(Consumer<String> sink) {
        nPlusOneReports.warnings(sink);
    }

    /** The last 100 reports of the N+1 detectors of this engine's sessions, oldest first, without values. */
    public List<NPlusOneDetection.Finding> nPlusOneFindings() {
        return nPlusOneReports.recent();
    }

    /** A session factory with default options (autoflush on). */
    public SessionFactory sessionFactory() {
        return new SessionFactory(this, SessionOptions.DEFAULTS);
    }

    /** A new session with default options; close it (try-with-resources). */
    public Session openSession() {
        return new DefaultSession(this, connections, SessionOptions.DEFAULTS);
    }

    /** Adds a listener told about every statement. */
    public void addStatementListener(StatementListener listener) {
        executor.addListener(listener);
    }

    public void removeStatementListener(StatementListener listener) {
        executor.removeListener(listener);
    }

    StatementExecutor executor() {
        return executor;
    }

    CachedStatements statements() {
        return statements;
    }

    /**
     * Hand-written {@code sql} with its {@code :name} and {@code ?1} parameters found by this
     * engine's dialect's lexical rules, parsed once per SQL text (for raw SQL and {@code @Query}).
     */
    public NamedSql namedSql(String sql) {
        return namedSql.computeIfAbsent(sql, text -> NamedSql.parse(text, dialect.lexicalRules()));
    }

    /**
     * The DDL that {@link #createAll} would run for {@code types} and the entities they relate to,
     * without running it: tables in foreign-key order, join tables, then foreign-key constraints.
     */
    public List<String> ddl(Class<?>... types) {
        return new SchemaWriter(this, models).script(Arrays.asList(types));
    }

    /**
     * Creates the tables (with sequences, indexes and foreign keys) of {@code types} and of the
     * entities they relate to that do not exist yet; safe to call again. Returns the names of the
     * tables it created.
     */
    public List<String> createAll(Class<?>... types) {
        return createAll(Arrays.asList(types));
    }

    public List<String> createAll(List<Class<?>> types) {
        List<String> created = new ArrayList<>();
        withConnection("create tables", connection -> created.addAll(new SchemaWriter(this, models).create(connection, types)));
        return created;
    }

    /**
     * Drops the tables (and sequences) of {@code types}, and the join tables they own, if they
     * exist: their foreign keys first, then the tables, referring ones first.
     */
    public void dropAll(Class<?>... types) {
        dropAll(Arrays.asList(types));
    }

    public void dropAll(List<Class<?>> types) {
        withConnection("drop tables", connection -> new SchemaWriter(this, models).drop(connection, types));
    }

    /** Whether {@code table} exists in the connection's current schema. */
    public boolean tableExists(Connection connection, String table) throws SQLException {
        return SchemaWriter.tableExists(dialect, connection, table);
    }

    /**
     * Runs one statement without parameters (DDL) on {@code connection} through the engine's one
     * statement path: logged, told to the listeners, its failure translated naming {@code task}.
     */
    public void execute(Connection connection, String task, String sql) {
        executor.execute(connection, task, sql);
    }

    /** Whether {@code model}'s table has at least one row (reads at most one id). */
    public boolean hasRows(Connection connection, EntityModel<?> model) {
        SqlStatement anyRow = Select.from(model).columns(List.of(Sql.col(model.id().name()))).limit(1L)
                .render(dialect, codecs);
        return executor.query(connection, StatementTimeout.NONE, "look for rows in " + model.table(), anyRow,
                SessionSupport.NO_ARGS,
                ResultSet::next);
    }

    /** Work on a connection in auto-commit mode. */
    @FunctionalInterface
    public interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on a connection of its own, in auto-commit mode (DDL and admin tasks). */
    public void withConnection(String task, ConnectionWork work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            work.run(connection);
        } catch (SQLException e) {
            throw executor.translate(task, null, e);
        }
    }

    @Override
    public String toString() {
        return "Engine[" + dialect.name() + "]";
    }

    /** Configures an {@link Engine}. Not thread-safe; build once. */
    public static final class Builder {

        private final DataSource dataSource;
        private ConnectionProvider connections;
        private Dialect dialect;
        private boolean showSql;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration queryTimeout;
        private Duration lockTimeout;
        private NPlusOneDetection nPlusOne = NPlusOneDetection.DEFAULT;
        private final List<StatementListener> listeners = new ArrayList<>();
        private final List<StatementObserver> observers = new ArrayList<>();
        private final EntityCallbacks.Settings callbacks = new EntityCallbacks.Settings();
        private final Map<Class<?>, Codec<?>> codecs = new LinkedHashMap<>();

        private Builder(DataSource dataSource) {
            if (dataSource == null) {
                throw new QuarryException("Engine needs a DataSource");
            }
            this.dataSource = dataSource;
        }

        /** Names the dialect instead of detecting it from the connection's metadata. */
        public Builder dialect(Dialect value) {
            this.dialect = value;
            return this;
        }

        /** Where sessions get connections (the Spring starter binds them to transactions). */
        public Builder connectionProvider(ConnectionProvider value) {
            this.connections = value;
            return this;
        }

        /** Log every statement at INFO on logger {@code io.quarry.SQL} with its elapsed time. */
        public Builder showSql(boolean value) {
            this.showSql = value;
            return this;
        }

        /** Rows per JDBC batch in a flush. */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw new QuarryException("batch size must be at least 1, got " + value);
            }
            this.batchSize = value;
            return this;
        }

        /**
         * The time limit of each statement (rounded up to whole seconds, JDBC's unit) unless a
         * session or a query sets its own; {@code null} or zero for none. A statement that runs
         * longer is cancelled with a {@link io.quarry.QueryTimeoutException}.
         */
        public Builder queryTimeout(Duration value) {
            StatementTimeout.seconds(value);
            this.queryTimeout = value;
            return this;
        }

        /**
         * How long a statement of a session's transaction waits for a lock (a row or table lock)
         * another transaction holds before it fails with a {@link io.quarry.LockFailureException},
         * unless the session sets its own; {@code null} or zero for the database's own setting.
         * Set once per transaction, not per statement, and put back before the connection is given
         * back; rounded up to milliseconds (whole seconds on MySQL and MariaDB). Unlike the query
         * timeout, it bounds only waiting for locks, not the work of a statement.
         */
        public Builder lockTimeout(Duration value) {
            if (value != null && value.isNegative()) {
                throw new IllegalArgumentException("The lock timeout must not be negative, got " + value
                        + "; use null or Duration.ZERO for the database's own");
            }
            this.lockTimeout = value == null || value.isZero() ? null : value;
            return this;
        }

        /**
         * How the N+1 detector watches sessions: {@link NPlusOneDetection#DEFAULT} (warn when one read
         * runs more than 20 times in a session), {@link NPlusOneDetection#strict} for tests, or
         * {@link NPlusOneDetection#OFF}. A session can set its own ({@link SessionOptions#withNPlusOne}).
         */
        public Builder nPlusOne(NPlusOneDetection value) {
            if (value == null) {
                throw new QuarryException("N+1 detection must not be null; use NPlusOneDetection.OFF to switch it off");
            }
            this.nPlusOne = value;
            return this;
        }

        public Builder statementListener(StatementListener listener) {
            listeners.add(listener);
            return this;
        }

        /** Adds an observer told around every statement (several are told in the order added). */
        public Builder statementObserver(StatementObserver observer) {
            observers.add(java.util.Objects.requireNonNull(observer, "observer"));
            return this;
        }

        /** Registers {@code listener} for {@code type} and its subclasses ({@code Object.class}: all); see {@link EntityListener}. */
        public <T> Builder entityListener(Class<T> type, EntityListener<? super T> listener) {
            callbacks.add(type, listener);
            return this;
        }

        /** Turns auditing on: {@code auditor} null for none, {@code clock} null for UTC; see {@link AuditorAware}. */
        public Builder auditing(AuditorAware<?> auditor, java.time.Clock clock) {
            callbacks.auditing(auditor, clock);
            return this;
        }

        /** Registers a codec for a type of your own (a value object such as Money). */
        public <T> Builder codec(Class<T> type, Codec<T> codec) {
            codecs.put(type, codec);
            return this;
        }

        public Engine build() {
            Dialect chosen = dialect != null ? dialect : detect();
            return new Engine(this, chosen);
        }

        private Dialect detect() {
            try (Connection connection = dataSource.getConnection()) {
                return Dialects.detect(connection.getMetaData());
            } catch (SQLException e) {
                throw new QuarryException("Cannot connect to detect the database: " + e.getMessage()
                        + "; check the URL, user and password, or name the dialect with Engine.builder(...).dialect(...)", e);
            }
        }
    }
}
