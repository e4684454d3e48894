package io.quarry.dialect;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** H2 2.x. Thread-safe. */
public final class H2Dialect extends Dialect {

    private static final Set<LexicalRule> LEXICAL_RULES = Set.of(LexicalRule.BACKTICK_IDENTIFIERS,
            LexicalRule.SLASH_COMMENTS, LexicalRule.NESTED_BLOCK_COMMENTS, LexicalRule.DOLLAR_QUOTES);

    /**
     * The first name in H2's violation detail: {@code "PUBLIC.UX_HOST_RACK ON PUBLIC.HOST(...)"} for a
     * unique index, {@code "PUBLIC.UQ_HOST_NAME INDEX PUBLIC.UQ_HOST_NAME_INDEX_9 ON ..."} for a named
     * constraint (H2 2.x), {@code "PUBLIC.CONSTRAINT_INDEX_9 ON ..."} for an unnamed one.
     */
    private static final Pattern INDEX_NAME = Pattern.compile("\"(?:\\w+\\.)?(\\w+?)(?:_INDEX_\\w+)?(?: INDEX | ON )");
    /** LOCK_TIMEOUT is a setting of the session (the connection), in milliseconds; SET takes a parameter. */
    private static final LockTimeoutStatements LOCK_TIMEOUT = LockTimeoutStatements.ofConnection(
            "select lock_timeout()", "set lock_timeout ?", 1, false);

    private static final Pattern CONSTRAINT_NAME = Pattern.compile("(?:constraint|CONSTRAINT) \"?(?:\\w+\\.)?(\\w+)\"?");

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public Set<LexicalRule> lexicalRules() {
        return LEXICAL_RULES;
    }

    @Override
    public String storedName(String identifier) {
        return identifier.toUpperCase(Locale.ROOT);
    }

    @Override
    public String typeName(io.quarry.mapping.ColumnSpec spec) {
        return switch (spec.sqlType()) {
            case TEXT -> "clob";
            case VARBINARY -> "varbinary";
            default -> super.typeName(spec);
        };
    }

    @Override
    public String nextSequenceValues(String sequence) {
        return "select next value for " + quote(sequence) + " from system_range(1, ?)";
    }

    @Override
    public String arrayElementType(io.quarry.types.SqlType type) {
        // H2 builds an array from the elements' Java types and ignores the name
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> keyColumns, List<String> updateColumns) {
        return "merge into " + table + " (" + columnList(columns) + ") key (" + columnList(keyColumns) + ") values ("
                + placeholders(columns.size()) + ")";
    }

    /** {@code regexp_like} with flag {@code c} or {@code i}: Java's regular expressions. */
    @Override
    public RegexMatch regexMatch(boolean ignoreCase) {
        return new RegexMatch("regexp_like(", ", ", ignoreCase ? ", 'i')" : ", 'c')");
    }

    /** H2 has no shared row locks: FOR SHARE is taken as the stronger FOR UPDATE. */
    @Override
    public String lockClause(RowLock lock) {
        return lock == RowLock.SHARE ? super.lockClause(RowLock.UPDATE) : super.lockClause(lock);
    }

    @Override
    public LockTimeoutStatements lockTimeout() {
        return LOCK_TIMEOUT;
    }

    @Override
    public ErrorKind classify(SQLException e) {
        return switch (e.getErrorCode()) {
            case 23505 -> ErrorKind.DUPLICATE_KEY;
            case 40001 -> ErrorKind.DEADLOCK;
            case 50200 -> ErrorKind.LOCK_TIMEOUT;
            default -> super.classify(e);
        };
    }

    @Override
    public String constraintName(SQLException e) {
        String name = find(INDEX_NAME, e.getMessage());
        return name != null ? name : find(CONSTRAINT_NAME, e.getMessage());
    }
}
