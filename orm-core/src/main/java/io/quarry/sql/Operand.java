package io.quarry.sql;

import io.quarry.QuarryException;
import io.quarry.dialect.NullOrdering;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * Something that can be compared, ordered and aggregated: a {@link Column} or a function of one.
 * Every comparison binds its value as a parameter. Immutable and thread-safe.
 *
 * @param <V> the Java type of the value
 */
public abstract class Operand<V> implements Expression {

    /** The escape character of every LIKE Quarry renders ({@code like ? escape '!'}), whatever the pattern's origin. */
    public static final char LIKE_ESCAPE = '!';

    /** {@code = value}; {@code eq(null)} means IS NULL. */
    public Predicate eq(V value) {
        return value == null ? isNull() : new Predicates.Comparison(this, "=", value);
    }

    /**
     * {@code = other} for another column or expression: {@code col(Host::getPort).equalTo(col(Host::getAdminPort))}.
     * Named apart from {@link #eq(Object)} so that {@code eq(null)} on a typed column is not ambiguous;
     * a {@code null} here also means IS NULL.
     */
    public Predicate equalTo(Expression other) {
        return other == null ? isNull() : new Predicates.Comparison(this, "=", other);
    }

    /** {@code <> value}; {@code ne(null)} means IS NOT NULL. */
    public Predicate ne(V value) {
        return value == null ? isNotNull() : new Predicates.Comparison(this, "<>", value);
    }

    public Predicate lt(V value) {
        return new Predicates.Comparison(this, "<", require(value, "lt"));
    }

    public Predicate le(V value) {
        return new Predicates.Comparison(this, "<=", require(value, "le"));
    }

    public Predicate gt(V value) {
        return new Predicates.Comparison(this, ">", require(value, "gt"));
    }

    public Predicate ge(V value) {
        return new Predicates.Comparison(this, ">=", require(value, "ge"));
    }

    /** {@code between low and high}, both inclusive. */
    public Predicate between(V low, V high) {
        return new Predicates.Between(this, require(low, "between"), require(high, "between"), false);
    }

    public Predicate notBetween(V low, V high) {
        return new Predicates.Between(this, require(low, "notBetween"), require(high, "notBetween"), true);
    }

    /** {@code in (...)}; an empty collection matches no row. */
    public Predicate in(Collection<? extends V> values) {
        return new Predicates.InList(this, values, false);
    }

    @SafeVarargs
    public final Predicate in(V... values) {
        return in(Arrays.asList(values));
    }

    /** {@code not in (...)}; an empty collection matches every row. */
    public Predicate notIn(Collection<? extends V> values) {
        return new Predicates.InList(this, values, true);
    }

    @SafeVarargs
    public final Predicate notIn(V... values) {
        return notIn(Arrays.asList(values));
    }

    /**
     * {@code like pattern}: {@code %} (any run of characters) and {@code _} (one character) are
     * wildcards and every other character, backslash included, stands for itself, on every
     * database. Rendered as {@code like ? escape '!'} with each {@code !} of the pattern doubled, so
     * that no database's own escape character (a backslash by default) applies. To match a literal
     * {@code %} or {@code _}, use {@link #like(String, char)} or {@link #contains(String)} and its kin.
     */
    public Predicate like(String pattern) {
        return new Predicates.Like(this, likePattern(require(pattern, "like")), false, false);
    }

    /**
     * {@code like pattern escape 'c'}: {@code escape} makes the next {@code %}, {@code _} or itself
     * literal; anywhere else (before another character, at the end) it is refused, because the
     * databases disagree about what it means there. The pattern is rewritten to Quarry's escape
     * character {@code !}, so it means the same on every database.
     */
    public Predicate like(String pattern, char escape) {
        return new Predicates.Like(this, likePattern(require(pattern, "like"), checkEscape(escape)), false, false);
    }

    /** {@code not like pattern}, with the pattern read as {@link #like(String)} reads it. */
    public Predicate notLike(String pattern) {
        return new Predicates.Like(this, likePattern(require(pattern, "notLike")), true, false);
    }

    /** {@code not like pattern escape 'c'}, with the pattern read as {@link #like(String, char)} reads it. */
    public Predicate notLike(String pattern, char escape) {
        return new Predicates.Like(this, likePattern(require(pattern, "notLike"), checkEscape(escape)), true, false);
    }

    /** {@code lower(x) like lower(pattern)}, with the pattern read as {@link #like(String)} reads it. */
    public Predicate likeIgnoreCase(String pattern) {
        return new Predicates.Like(this, likePattern(require(pattern, "likeIgnoreCase")), false, true);
    }

    /** Starts with {@code prefix}, taken literally ({@code %} and {@code _} are escaped). */
    public Predicate startsWith(String prefix) {
        return new Predicates.Like(this, escapeLike(require(prefix, "startsWith")) + "%", false, false);
    }

    /** Ends with {@code suffix}, taken literally. */
    public Predicate endsWith(String suffix) {
        return new Predicates.Like(this, "%" + escapeLike(require(suffix, "endsWith")), false, false);
    }

    /** Contains {@code text}, taken literally. */
    public Predicate contains(String text) {
        return new Predicates.Like(this, "%" + escapeLike(require(text, "contains")) + "%", false, false);
    }

    /** Does not contain {@code text}, taken literally. */
    public Predicate notContains(String text) {
        return new Predicates.Like(this, "%" + escapeLike(require(text, "notContains")) + "%", true, false);
    }

    /** Starts with {@code prefix} taken literally, ignoring case ({@code lower(x) like lower(?)}). */
    public Predicate startsWithIgnoreCase(String prefix) {
        return new Predicates.Like(this, escapeLike(require(prefix, "startsWithIgnoreCase")) + "%", false, true);
    }

    /** Ends with {@code suffix} taken literally, ignoring case. */
    public Predicate endsWithIgnoreCase(String suffix) {
        return new Predicates.Like(this, "%" + escapeLike(require(suffix, "endsWithIgnoreCase")), false, true);
    }

    /** Contains {@code text} taken literally, ignoring case. */
    public Predicate containsIgnoreCase(String text) {
        return new Predicates.Like(this, "%" + escapeLike(require(text, "containsIgnoreCase")) + "%", false, true);
    }

    /**
     * Matches the regular expression {@code regex} anywhere in the value (anchor it with {@code ^} and
     * {@code $} for the whole value), in the database's own regular expression language: Java's on H2,
     * POSIX on PostgreSQL ({@code ~}), ICU on MySQL and PCRE on MariaDB ({@code regexp}). The pattern
     * is bound, never written into the SQL.
     */
    public Predicate matchesRegex(String regex) {
        return new Predicates.Regex(this, require(regex, "matchesRegex"), false);
    }

    /** {@link #matchesRegex(String)} ignoring case ({@code ~*} on PostgreSQL, flag {@code i} elsewhere). */
    public Predicate matchesRegexIgnoreCase(String regex) {
        return new Predicates.Regex(this, require(regex, "matchesRegexIgnoreCase"), true);
    }

    /** {@code lower(x) = lower(value)}. */
    public Predicate eqIgnoreCase(String value) {
        return new Predicates.IgnoreCase(this, "=", require(value, "eqIgnoreCase"));
    }

    public Predicate isNull() {
        return new Predicates.NullCheck(this, false);
    }

    public Predicate isNotNull() {
        return new Predicates.NullCheck(this, true);
    }

    /** Ascending order by this expression. */
    public Order asc() {
        return new Order(this, true, NullOrdering.DEFAULT);
    }

    /** Descending order by this expression. */
    public Order desc() {
        return new Order(this, false, NullOrdering.DEFAULT);
    }

    /** {@code lower(x)}. */
    public Operand<String> lower() {
        return new Function<>("lower", this, false, Function.SAME);
    }

    /** {@code upper(x)}. */
    public Operand<String> upper() {
        return new Function<>("upper", this, false, Function.SAME);
    }

    /** {@code x + amount}, for updates such as {@code set(col(Host::getPort), col(Host::getPort).plus(1))}. */
    public Operand<V> plus(Number amount) {
        return new Arithmetic<>(this, "+", amount);
    }

    /** {@code x - amount}. */
    public Operand<V> minus(Number amount) {
        return new Arithmetic<>(this, "-", amount);
    }

    /**
     * {@code text} with {@code %}, {@code _} and the escape character {@code !} escaped, for use in
     * a LIKE pattern with {@code escape '!'}.
     */
    public static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /**
     * A {@link #like(String)} pattern ({@code %} and {@code _} wildcards, everything else literal)
     * for use with {@code escape '!'}: each {@code !} doubled.
     */
    public static String likePattern(String pattern) {
        return pattern.indexOf(LIKE_ESCAPE) < 0 ? pattern : pattern.replace("!", "!!");
    }

    /**
     * A pattern written with {@code escape} as its escape character, rewritten for use with
     * {@code escape '!'}; an escape character that is not followed by {@code %}, {@code _} or
     * itself is refused.
     */
    public static String likePattern(String pattern, char escape) {
        StringBuilder rewritten = new StringBuilder(pattern.length() + 4);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            boolean escaped = c == escape;
            if (escaped) {
                char next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
                if (next != '%' && next != '_' && next != escape) {
                    throw new QuarryException("LIKE pattern '" + pattern + "' has its escape character '" + escape
                            + "' at offset " + i + (i + 1 < pattern.length() ? " before '" + next + "'" : " at the end")
                            + "; the escape character may only precede %, _ or itself (write " + escape + escape
                            + " for a literal '" + escape + "')");
                }
                c = next;
                i++;
            }
            if (c == LIKE_ESCAPE || escaped && (c == '%' || c == '_')) {
                rewritten.append(LIKE_ESCAPE);
            }
            rewritten.append(c);
        }
        return rewritten.toString();
    }

    private static Character checkEscape(char escape) {
        if (escape == '\'' || escape == '\\' || escape == '"' || Character.isLetterOrDigit(escape)
                || Character.isWhitespace(escape) || Character.isISOControl(escape)) {
            throw new QuarryException("'" + escape + "' cannot be a LIKE escape character; use a punctuation "
                    + "character such as '!' or '#'");
        }
        return escape;
    }

    /**
     * Writes this operand's part of a statement's shape (see {@link StatementShape}); operands that do
     * not override it (subclasses outside this package) make the shape unknown.
     */
    void shape(StatementShape shape) {
        shape.unknown();
    }

    private <X> X require(X value, String operator) {
        return Objects.requireNonNull(value, () -> operator + "(null) on " + label()
                + " matches nothing in SQL; use isNull()/isNotNull() to test for NULL");
    }
}
