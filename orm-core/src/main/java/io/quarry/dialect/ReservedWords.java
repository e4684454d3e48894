package io.quarry.dialect;

import java.util.Locale;
import java.util.Set;

/**
 * Words that must be quoted when used as a table or column name on at least one of the supported
 * databases. One list for all, so a model renders the same identifiers everywhere. Stateless.
 */
final class ReservedWords {

    private static final Set<String> WORDS = Set.of(
            "add", "all", "alter", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
            "authorization", "before", "between", "bigint", "binary", "blob", "both", "by", "call", "cascade", "case",
            "cast", "change", "char", "character", "check", "collate", "collation", "column", "condition",
            "constraint", "continue", "convert", "create", "cross", "current", "current_catalog", "current_date",
            "current_path", "current_role", "current_schema", "current_time", "current_timestamp", "current_user",
            "cursor", "database", "databases", "day", "day_hour", "dec", "decimal", "declare", "default",
            "deferrable", "delayed", "delete", "desc", "describe", "distinct", "distinctrow", "div", "do", "double",
            "drop", "dual", "each", "else", "elseif", "enclosed", "end", "escaped", "except", "exists", "exit",
            "explain", "false", "fetch", "float", "for", "force", "foreign", "freeze", "from", "full", "fulltext",
            "function", "generated", "get", "grant", "group", "groups", "having", "high_priority", "hour", "if",
            "ignore", "ilike", "in", "index", "infile", "initially", "inner", "inout", "insert", "int", "integer",
            "intersect", "intersects", "interval", "into", "is", "isnull", "iterate", "join", "key", "keys", "kill",
            "lateral", "lead", "leading", "leave", "left", "like", "limit", "linear", "lines", "load", "localtime",
            "localtimestamp", "lock", "long", "loop", "match", "minus", "minute", "mod", "modifies", "month",
            "natural", "not", "notnull", "null", "numeric", "of", "offset", "on", "only", "optimize", "option",
            "optionally", "or", "order", "out", "outer", "over", "overlaps", "partition", "placing", "precision",
            "primary", "procedure", "purge", "qualify", "range", "rank", "read", "reads", "real", "recursive",
            "references", "regexp", "release", "rename", "repeat", "replace", "require", "restrict", "return",
            "returning", "revoke", "right", "rlike", "row", "rownum", "rows", "schema", "schemas", "second", "select",
            "sensitive", "separator", "session_user", "set", "show", "similar", "smallint", "some", "spatial",
            "sql", "sqlexception", "sqlstate", "ssl", "starting", "stored", "straight_join", "symmetric", "system",
            "system_user", "table", "tablesample", "terminated", "then", "to", "top", "trailing", "trigger", "true",
            "uescape", "undo", "union", "unique", "unknown", "unlock", "unsigned", "update", "usage", "use", "user",
            "using", "value", "values", "varchar", "variadic", "verbose", "virtual", "when", "where", "while",
            "window", "with", "write", "xor", "year", "year_month", "zerofill", "_rowid_");

    private ReservedWords() {
    }

    static boolean contains(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }
}
