package io.quarry.dialect;

import io.quarry.mapping.ColumnSpec;
import io.quarry.mapping.GenerationType;
import io.quarry.types.BuiltinCodecs;
import io.quarry.types.CodecRegistry;
import io.quarry.types.TemporalTextCodecs;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * MySQL 8+ and MariaDB 10.6+ (both through mysql-connector-j), and the MySQL-protocol distributed
 * engines TiDB and Vitess (PlanetScale) as {@linkplain Flavour flavours}. Tables use utf8mb4 with a binary
 * collation, so comparisons are case-sensitive as on H2 and PostgreSQL; UUIDs are CHAR(36);
 * instants are UTC DATETIME(6); SEQUENCE ids fall back to AUTO_INCREMENT. On MariaDB, date-times are
 * bound as text ({@link TemporalTextCodecs}) so that their microseconds survive. Thread-safe.
 */
public final class MySqlDialect extends Dialect {

    /**
     * The server's default sql_mode: neither NO_BACKSLASH_ESCAPES nor ANSI_QUOTES. Executable
     * comments ({@code /*!...*}{@code /}) are read as comments, so parameters in them are not bound.
     */
    private static final Set<LexicalRule> LEXICAL_RULES = Set.of(LexicalRule.BACKSLASH_ESCAPES,
            LexicalRule.DOUBLE_QUOTED_STRINGS, LexicalRule.BACKTICK_IDENTIFIERS, LexicalRule.HASH_COMMENTS,
            LexicalRule.DASH_COMMENTS_NEED_SPACE);

    /**
     * Whole seconds, set on the connection: innodb_lock_wait_timeout ends waits for row locks,
     * lock_wait_timeout waits for table (metadata) locks, such as a query behind an ALTER TABLE.
     * Both take a bound parameter (client- and server-side prepared).
     */
    private static final LockTimeoutStatements LOCK_TIMEOUT = LockTimeoutStatements.ofConnection(
            "select @@session.innodb_lock_wait_timeout, @@session.lock_wait_timeout",
            "set session innodb_lock_wait_timeout = ?, session lock_wait_timeout = ?", 2, true);

    private static final Pattern KEY_NAME = Pattern.compile("for key '(?:[^'.]+\\.)?([^']+)'");
    private static final Pattern CONSTRAINT_NAME = Pattern.compile("CONSTRAINT `([^`]+)`");

    /**
     * Which server speaks the MySQL protocol. The distributed engines differ from MySQL 8 only where
     * Quarry would otherwise fail there (docs/scale-out.md has the sources):
     * <ul>
     * <li>{@link #TIDB} and {@link #VITESS} refuse the row alias of MySQL 8.0.19's upsert, so they get
     * {@code values(c)} as MariaDB does;</li>
     * <li>{@link #TIDB} reports optimistic and pessimistic write conflicts with its own codes (8002, 8005,
     * 9007), which are classified as {@link ErrorKind#DEADLOCK}: the transaction is lost and retrying it
     * whole is the documented remedy.</li>
     * </ul>
     */
    public enum Flavour {
        MYSQL, MARIADB, TIDB, VITESS;

        /** The dialect's {@link Dialect#name() name}: the constant in lower case. */
        public String dialectName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Flavour flavour;
    private final boolean mariaDb;

    /** MySQL 8 ({@code false}) or MariaDB ({@code true}). */
    public MySqlDialect(boolean mariaDb) {
        this(mariaDb ? Flavour.MARIADB : Flavour.MYSQL);
    }

    public MySqlDialect(Flavour flavour) {
        this.flavour = java.util.Objects.requireNonNull(flavour, "flavour");
        this.mariaDb = flavour == Flavour.MARIADB;
    }

    /** Whether the server is MariaDB (it answers as "MySQL 5.5.5-10.x-MariaDB" through mysql-connector-j). */
    public boolean isMariaDb() {
        return mariaDb;
    }

    public Flavour flavour() {
        return flavour;
    }

    @Override
    public String name() {
        return flavour.dialectName();
    }

    @Override
    public String insertDefaultValues() {
        return " () values ()";
    }

    @Override
    public Set<LexicalRule> lexicalRules() {
        return LEXICAL_RULES;
    }

    /**
     * {@code regexp} (MariaDB has no {@code regexp_like}) with the case rule put in the pattern
     * ({@code (?i)} / {@code (?-i)}, understood by MySQL's ICU and MariaDB's PCRE alike), so a
     * case-insensitive collation does not decide it.
     */
    @Override
    public RegexMatch regexMatch(boolean ignoreCase) {
        return new RegexMatch("", ignoreCase ? " regexp concat('(?i)', " : " regexp concat('(?-i)', ", ")");
    }

    /** MariaDB spells a shared row lock {@code lock in share mode}; MySQL 8 {@code for share}. */
    @Override
    public String lockClause(RowLock lock) {
        return lock == RowLock.SHARE && mariaDb ? " lock in share mode" : super.lockClause(lock);
    }

    /** MySQL's databases are JDBC catalogs; the schema argument of metadata look-ups must stay null. */
    @Override
    public String metadataSchema(Connection connection) {
        return null;
    }

    @Override
    public void registerCodecs(CodecRegistry codecs) {
        codecs.register(UUID.class, BuiltinCodecs.UUID_AS_CHAR);
        codecs.register(Instant.class, BuiltinCodecs.INSTANT_AS_UTC_DATETIME);
        codecs.register(OffsetDateTime.class, BuiltinCodecs.OFFSET_DATE_TIME_AS_UTC_DATETIME);
        if (mariaDb) {
            // mysql-connector-j drops fractional seconds it binds for a server that calls itself 5.5.5-...
            TemporalTextCodecs.registerAll(codecs);
        }
    }

    @Override
    public String storedName(String identifier) {
        return identifier;
    }

    @Override
    protected String openQuote() {
        return "`";
    }

    @Override
    protected String closeQuote() {
        return "`";
    }

    @Override
    public String typeName(ColumnSpec spec) {
        return switch (spec.sqlType()) {
            case REAL -> "float";
            case DOUBLE -> "double";
            case DECIMAL -> "decimal(" + spec.precision() + ", " + spec.scale() + ")";
            case TEXT -> "longtext";
            case VARBINARY -> "longblob";
            case TIMESTAMP, TIMESTAMP_TZ -> "datetime(6)";
            case UUID -> "char(36)";
            case VARCHAR -> spec.length() > 16_383 ? "longtext" : super.typeName(spec);
            default -> super.typeName(spec);
        };
    }

    @Override
    public String identityColumn(String typeName) {
        return typeName + " auto_increment";
    }

    @Override
    public GenerationType effectiveGeneration(GenerationType requested) {
        return requested == GenerationType.SEQUENCE ? GenerationType.IDENTITY : requested;
    }

    @Override
    public String dropForeignKeyClause() {
        return "drop foreign key";
    }

    /** MySQL changes a column by restating it: {@code modify column c t [not null]}. */
    @Override
    public String alterColumnType(String table, String column, String type, boolean nullable) {
        return "alter table " + quote(table) + " modify column " + quote(column) + " " + type
                + (nullable ? "" : " not null");
    }

    @Override
    public String alterColumnNullability(String table, String column, String type, boolean nullable) {
        return alterColumnType(table, column, type, nullable);
    }

    @Override
    public String tableOptions() {
        return " engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin";
    }

    @Override
    public String nextSequenceValues(String sequence) {
        throw new UnsupportedOperationException("MySQL has no sequences; SEQUENCE ids use AUTO_INCREMENT");
    }

    @Override
    public String limitOffset(boolean limit, boolean offset) {
        if (offset && !limit) {
            // MySQL has no OFFSET without LIMIT; this is the documented "all rows" idiom
            return " limit 18446744073709551615 offset ?";
        }
        return super.limitOffset(limit, offset);
    }

    @Override
    public String orderItem(String expression, boolean ascending, NullOrdering nulls) {
        String item = expression + (ascending ? " asc" : " desc");
        return switch (nulls) {
            case DEFAULT -> item;
            case FIRST -> expression + " is null desc, " + item;
            case LAST -> expression + " is null asc, " + item;
        };
    }

    @Override
    public LockTimeoutStatements lockTimeout() {
        return LOCK_TIMEOUT;
    }

    @Override
    public boolean statementsWhileStreaming() {
        return false;
    }

    @Override
    public int streamingFetchSize() {
        // mysql-connector-j streams row by row only with this documented sentinel
        return Integer.MIN_VALUE;
    }

    @Override
    public int maxBindParameters() {
        return 65_535;
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> keyColumns, List<String> updateColumns) {
        String insert = insertRow(table, columns);
        List<String> updated = updateColumns.isEmpty() ? List.of(keyColumns.get(0)) : updateColumns;
        if (flavour != Flavour.MYSQL) {
            // MariaDB, TiDB and Vitess have no row alias (TiDB: "Unknown column 'new_row.c'")
            return insert + " on duplicate key update " + assignments(updated, c -> "values(" + c + ")");
        }
        // MySQL 8.0.20 deprecates VALUES(); the row alias is the replacement
        return insert + " as new_row on duplicate key update " + assignments(updated, c -> "new_row." + c);
    }

    @Override
    public ErrorKind classify(SQLException e) {
        return switch (e.getErrorCode()) {
            case 1062, 1586 -> ErrorKind.DUPLICATE_KEY;
            case 1048, 1364, 1451, 1452, 3819, 4025 -> ErrorKind.CONSTRAINT;
            case 1213 -> ErrorKind.DEADLOCK;
            // TiDB: 8002 a pessimistic SELECT FOR UPDATE met a write conflict, 8005 an optimistic transaction's
            // commit lost a write conflict, 9007 TiKV's write conflict; each asks the client to retry
            case 8002, 8005, 9007 -> flavour == Flavour.TIDB ? ErrorKind.DEADLOCK : super.classify(e);
            case 1205, 3572 -> ErrorKind.LOCK_TIMEOUT;
            case 1317, 3024 -> ErrorKind.QUERY_TIMEOUT;
            default -> super.classify(e);
        };
    }

    @Override
    public String constraintName(SQLException e) {
        String name = find(KEY_NAME, e.getMessage());
        return name != null ? name : find(CONSTRAINT_NAME, e.getMessage());
    }
}
