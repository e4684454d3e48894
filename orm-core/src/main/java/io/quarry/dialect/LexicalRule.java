package io.quarry.dialect;

/**
 * One way a database's SQL text differs from the standard's where strings, quoted identifiers and
 * comments begin and end. A dialect names the rules of its database ({@link Dialect#lexicalRules()});
 * what every database shares (single-quoted strings with doubled quotes, {@code "..."} identifiers,
 * {@code --} line comments, {@code /* *}{@code /} block comments) needs no rule.
 */
public enum LexicalRule {
    /** A backslash escapes the next character inside string literals (MySQL, MariaDB by default). */
    BACKSLASH_ESCAPES,
    /** {@code "..."} is a string literal, not an identifier (MySQL, MariaDB without ANSI_QUOTES). */
    DOUBLE_QUOTED_STRINGS,
    /** {@code `...`} is a quoted identifier (MySQL, MariaDB, H2). */
    BACKTICK_IDENTIFIERS,
    /** {@code #} starts a line comment (MySQL, MariaDB). */
    HASH_COMMENTS,
    /** {@code --} starts a comment only when followed by a space, a control character or the end (MySQL, MariaDB). */
    DASH_COMMENTS_NEED_SPACE,
    /** {@code //} starts a line comment (H2). */
    SLASH_COMMENTS,
    /** Block comments nest: each {@code /*} needs its own {@code *}{@code /} (PostgreSQL, H2). */
    NESTED_BLOCK_COMMENTS,
    /** {@code $$...$$} and {@code $tag$...$tag$} are string literals (PostgreSQL, H2 for {@code $$}). */
    DOLLAR_QUOTES,
    /** {@code E'...'} is a string literal with backslash escapes (PostgreSQL). */
    ESCAPE_STRINGS
}
