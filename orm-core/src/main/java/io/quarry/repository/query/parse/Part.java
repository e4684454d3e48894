package io.quarry.repository.query.parse;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One condition of a derived query: a property, a keyword ({@link Type}) and whether case is
 * ignored, parsed from text such as {@code HostnameStartingWithIgnoreCase}. Immutable.
 *
 * @param property the property name as written, first letter lower-cased ({@code hostname})
 * @param type the keyword
 * @param ignoreCase whether case is ignored: always, when possible (AllIgnoreCase), or never
 * @param source the text the part was parsed from
 */
public record Part(String property, Type type, IgnoreCase ignoreCase, String source) {

    /** How a part treats case. */
    public enum IgnoreCase {
        NEVER,
        /** Asked for by AllIgnoreCase: applied to String properties only. */
        WHEN_POSSIBLE,
        /** Asked for by IgnoreCase on this part: a non-String property is an error. */
        ALWAYS
    }

    /**
     * The keywords, with the number of arguments each consumes. {@link #MATCH_ORDER} is the order
     * they are tried in: a keyword that ends with another (NotNull, Null) comes first.
     */
    public enum Type {
        BETWEEN(2, "IsBetween", "Between"),
        NOT_BETWEEN(2, "IsNotBetween", "NotBetween"),
        IS_NOT_NULL(0, "IsNotNull", "NotNull"),
        IS_NULL(0, "IsNull", "Null"),
        LESS_THAN(1, "IsLessThan", "LessThan"),
        LESS_THAN_EQUAL(1, "IsLessThanEqual", "LessThanEqual"),
        GREATER_THAN(1, "IsGreaterThan", "GreaterThan"),
        GREATER_THAN_EQUAL(1, "IsGreaterThanEqual", "GreaterThanEqual"),
        BEFORE(1, "IsBefore", "Before"),
        AFTER(1, "IsAfter", "After"),
        NOT_LIKE(1, "IsNotLike", "NotLike"),
        LIKE(1, "IsLike", "Like"),
        STARTING_WITH(1, "IsStartingWith", "StartingWith", "StartsWith"),
        ENDING_WITH(1, "IsEndingWith", "EndingWith", "EndsWith"),
        NOT_CONTAINING(1, "IsNotContaining", "NotContaining", "NotContains"),
        CONTAINING(1, "IsContaining", "Containing", "Contains"),
        NOT_IN(1, "IsNotIn", "NotIn"),
        IN(1, "IsIn", "In"),
        TRUE(0, "IsTrue", "True"),
        FALSE(0, "IsFalse", "False"),
        NEGATING_SIMPLE_PROPERTY(1, "IsNot", "Not"),
        SIMPLE_PROPERTY(1, "Is", "Equals");

        /** The order keywords are matched in; SIMPLE_PROPERTY, the fallback, is last. */
        public static final List<Type> MATCH_ORDER = List.of(NOT_BETWEEN, BETWEEN, IS_NOT_NULL, IS_NULL,
                LESS_THAN_EQUAL, LESS_THAN, GREATER_THAN_EQUAL, GREATER_THAN, BEFORE, AFTER, NOT_LIKE, LIKE,
                STARTING_WITH, ENDING_WITH, NOT_CONTAINING, CONTAINING, NOT_IN, IN, TRUE, FALSE,
                NEGATING_SIMPLE_PROPERTY, SIMPLE_PROPERTY);

        private final int arguments;
        private final List<String> keywords;

        Type(int arguments, String... keywords) {
            this.arguments = arguments;
            this.keywords = List.of(keywords);
        }

        /** How many method arguments the keyword consumes. */
        public int arguments() {
            return arguments;
        }

        /** The spellings, longest first. */
        public List<String> keywords() {
            return keywords;
        }

        /** The keyword as written in method names, e.g. {@code StartingWith}. */
        public String keyword() {
            return this == SIMPLE_PROPERTY ? "Is" : keywords.get(1);
        }

        /** Whether the keyword builds a LIKE pattern from its argument. */
        public boolean isLike() {
            return this == LIKE || this == NOT_LIKE || this == STARTING_WITH || this == ENDING_WITH
                    || this == CONTAINING || this == NOT_CONTAINING;
        }

        /** Whether IgnoreCase may be applied. */
        public boolean supportsIgnoreCase() {
            return this == SIMPLE_PROPERTY || this == NEGATING_SIMPLE_PROPERTY || isLike() || this == IN
                    || this == NOT_IN;
        }
    }

    private static final List<String> IGNORE_CASE = List.of("IgnoreCase", "IgnoringCase");

    /**
     * Parses {@code text}. The first keyword (in {@link Type#MATCH_ORDER}) whose remaining text
     * names a property wins; when none does, the first keyword that matches at all, so errors name
     * the property as the keyword leaves it. {@code isProperty} only disambiguates (findByLoggedIn
     * on a property {@code loggedIn}); pass {@code name -> false} to parse without a model.
     */
    public static Part parse(String text, boolean allIgnoreCase, Predicate<String> isProperty) {
        String rest = text;
        IgnoreCase ignoreCase = allIgnoreCase ? IgnoreCase.WHEN_POSSIBLE : IgnoreCase.NEVER;
        for (String suffix : IGNORE_CASE) {
            if (rest.endsWith(suffix) && rest.length() > suffix.length()) {
                rest = rest.substring(0, rest.length() - suffix.length());
                ignoreCase = IgnoreCase.ALWAYS;
                break;
            }
        }
        Part first = null;
        for (Type type : Type.MATCH_ORDER) {
            for (String keyword : type.keywords) {
                if (rest.endsWith(keyword) && rest.length() > keyword.length()) {
                    Part candidate = new Part(uncapitalize(rest.substring(0, rest.length() - keyword.length())), type,
                            ignoreCase, text);
                    if (isProperty.test(candidate.property)) {
                        return candidate;
                    }
                    if (first == null) {
                        first = candidate;
                    }
                }
            }
        }
        Part whole = new Part(uncapitalize(rest), Type.SIMPLE_PROPERTY, ignoreCase, text);
        if (first == null || isProperty.test(whole.property)) {
            return whole;
        }
        return first;
    }

    /** {@code Hostname} -> {@code hostname}; {@code IPAddr} -> {@code iPAddr} (resolved case-insensitively later). */
    static String uncapitalize(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    @Override
    public String toString() {
        return property + " " + type + (ignoreCase == IgnoreCase.NEVER ? "" : " (ignore case " + ignoreCase + ")");
    }
}
