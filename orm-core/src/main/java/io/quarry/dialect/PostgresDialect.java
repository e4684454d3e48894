package io.quarry.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL 13+, and the PostgreSQL-protocol distributed engines CockroachDB and YugabyteDB as
 * {@linkplain Flavour flavours}. Thread-safe.
 */
public final class PostgresDialect extends Dialect {

    /**
     * Which server speaks the PostgreSQL protocol. On {@link #COCKROACHDB} and {@link #YUGABYTEDB} every
     * {@code nextval} without a cache is a distributed write (a consensus round trip), so their sequences
     * are created with {@code cache} {@value #DISTRIBUTED_SEQUENCE_CACHE}: ids stay unique but are no longer
     * gap-free or in commit order, as with any cached sequence. Everything else is PostgreSQL's: both engines
     * report a lost serializable transaction as SQLSTATE 40001, which is already {@link ErrorKind#DEADLOCK}.
     */
    public enum Flavour {
        POSTGRESQL, COCKROACHDB, YUGABYTEDB;

        /** The dialect's {@link Dialect#name() name}: the constant in lower case. */
        public String dialectName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Sequence values a distributed engine hands out per session (CockroachDB) or connection (YugabyteDB) at once. */
    public static final int DISTRIBUTED_SEQUENCE_CACHE = 100;

    /** With standard_conforming_strings on (the default since 9.1): a backslash escapes only in E'...'. */
    private static final Set<LexicalRule> LEXICAL_RULES = Set.of(LexicalRule.NESTED_BLOCK_COMMENTS,
            LexicalRule.DOLLAR_QUOTES, LexicalRule.ESCAPE_STRINGS);

    /**
     * lock_timeout for the current transaction only (SET LOCAL, which takes no parameter; set_config
     * does): a commit or rollback ends it, so the pooled connection needs no clean-up.
     */
    private static final LockTimeoutStatements LOCK_TIMEOUT = LockTimeoutStatements.endingWithTransaction(
            "select set_config('lock_timeout', ?, true)");

    private static final Pattern CONSTRAINT_NAME = Pattern.compile("constraint \"([^\"]+)\"");

    private final Flavour flavour;

    public PostgresDialect() {
        this(Flavour.POSTGRESQL);
    }

    public PostgresDialect(Flavour flavour) {
        this.flavour = java.util.Objects.requireNonNull(flavour, "flavour");
    }

    public Flavour flavour() {
        return flavour;
    }

    @Override
    public String name() {
        return flavour.dialectName();
    }

    @Override
    public String createSequence(String sequence) {
        String sql = super.createSequence(sequence);
        return flavour == Flavour.POSTGRESQL ? sql : sql + " cache " + DISTRIBUTED_SEQUENCE_CACHE;
    }

    @Override
    public Set<LexicalRule> lexicalRules() {
        return LEXICAL_RULES;
    }

    /** {@code ~} and {@code ~*}: POSIX regular expressions. */
    @Override
    public RegexMatch regexMatch(boolean ignoreCase) {
        return new RegexMatch("", ignoreCase ? " ~* " : " ~ ", "");
    }

    @Override
    public String storedName(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    @Override
    public String arrayElementType(io.quarry.types.SqlType type) {
        // the names pgjdbc resolves without a catalog query
        return switch (type) {
            case BOOLEAN -> "bool";
            case SMALLINT -> "int2";
            case INTEGER -> "int4";
            case BIGINT -> "int8";
            case REAL -> "float4";
            case DOUBLE -> "float8";
            case DECIMAL -> "numeric";
            case CHAR, VARCHAR, TEXT -> "varchar";
            case VARBINARY -> "bytea";
            case DATE -> "date";
            case TIME -> "time";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_TZ -> "timestamptz";
            case UUID -> "uuid";
        };
    }

    @Override
    public String typeName(io.quarry.mapping.ColumnSpec spec) {
        return spec.sqlType() == io.quarry.types.SqlType.VARBINARY ? "bytea" : super.typeName(spec);
    }

    @Override
    public String nextSequenceValues(String sequence) {
        return "select nextval('" + quote(sequence) + "') from generate_series(1, ?)";
    }

    @Override
    public PreparedStatement prepareReturningKeys(Connection connection, String sql, String idColumn) throws SQLException {
        // RETURN_GENERATED_KEYS would make the driver append "returning *"; ask for the id alone
        return connection.prepareStatement(sql, new String[] {storedName(idColumn)});
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> keyColumns, List<String> updateColumns) {
        String sql = insertRow(table, columns) + " on conflict (" + columnList(keyColumns) + ")";
        if (updateColumns.isEmpty()) {
            return sql + " do nothing";
        }
        return sql + " do update set " + assignments(updateColumns, c -> "excluded." + c);
    }

    @Override
    public LockTimeoutStatements lockTimeout() {
        return LOCK_TIMEOUT;
    }

    @Override
    public ErrorKind classify(SQLException e) {
        if ("55P03".equals(e.getSQLState())) {
            return ErrorKind.LOCK_TIMEOUT;
        }
        return super.classify(e);
    }

    @Override
    public String constraintName(SQLException e) {
        return find(CONSTRAINT_NAME, e.getMessage());
    }
}
