package io.quarry.dialect;

/**
 * How a database tests a value against a regular expression: the SQL written {@code before} the
 * tested expression, {@code between} it and the bound pattern, and {@code after} the pattern
 * ({@code regexp_like(x, ?, 'i')}, {@code x ~* ?}). The pattern is the database's own regular
 * expression language and matches anywhere in the value unless anchored. Immutable.
 */
public record RegexMatch(String before, String between, String after) {
}
