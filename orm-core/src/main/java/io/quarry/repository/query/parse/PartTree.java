package io.quarry.repository.query.parse;

import io.quarry.repository.query.InvalidQueryMethodException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A derived-query method name parsed into a tree, once, without SQL: the subject (verb, Distinct,
 * First/Top, the text between verb and By), conditions as an OR of ANDs of {@link Part}s (AND binds
 * tighter), and OrderBy items. {@link QueryCreator} turns it into SQL. Immutable.
 *
 * <pre>
 * find|read|get|query|search|stream|count|exists|delete|remove|update|sum|avg|min|max
 *     [Distinct] [First|Top[n]] [Subject] By [Part (And|Or Part)*] [AllIgnoreCase] [OrderBy (Property[Asc|Desc])+]
 * </pre>
 */
public final class PartTree {

    /** What the query does. find, read, get, query, search and stream are all FIND. */
    public enum Verb {
        FIND, COUNT, EXISTS, DELETE, UPDATE, SUM, AVG, MIN, MAX;

        public boolean isAggregate() {
            return this == SUM || this == AVG || this == MIN || this == MAX;
        }
    }

    /** One OrderBy item. */
    public record OrderItem(String property, boolean ascending) {
    }

    static final String VERBS = "find|read|get|query|search|stream|count|exists|delete|remove|update|sum|avg|min|max";
    private static final Pattern PREFIX = Pattern.compile(
            "^(" + VERBS + ")(Distinct)?(?:(First|Top)(\\d*))?(\\p{Lu}.*?)??By(?=\\p{Lu}|$)(.*)$");
    private static final Pattern VERB_ONLY = Pattern.compile("^(" + VERBS + ")(?=\\p{Lu}|$)");
    private static final Pattern ORDER_BY = Pattern.compile("OrderBy(?=\\p{Lu})");
    private static final Pattern OR = Pattern.compile("Or(?=\\p{Lu})");
    private static final Pattern AND = Pattern.compile("And(?=\\p{Lu})");
    private static final Pattern ORDER_ITEMS = Pattern.compile("(?<=Asc|Desc)(?=\\p{Lu})");
    private static final List<String> ALL_IGNORE_CASE = List.of("AllIgnoreCase", "AllIgnoringCase");

    private final String source;
    private final Verb verb;
    private final boolean distinct;
    private final Integer maxResults;
    private final List<String> subject;
    private final List<List<Part>> conditions;
    private final List<OrderItem> orderBy;
    private final boolean allIgnoreCase;

    private PartTree(String source, Verb verb, boolean distinct, Integer maxResults, List<String> subject,
            List<List<Part>> conditions, List<OrderItem> orderBy, boolean allIgnoreCase) {
        this.source = source;
        this.verb = verb;
        this.distinct = distinct;
        this.maxResults = maxResults;
        this.subject = List.copyOf(subject);
        this.conditions = conditions.stream().map(List::copyOf).toList();
        this.orderBy = List.copyOf(orderBy);
        this.allIgnoreCase = allIgnoreCase;
    }

    /** Parses {@code methodName} without a model. */
    public static PartTree parse(String methodName) {
        return parse(methodName, name -> false);
    }

    /**
     * Parses {@code methodName}; {@code isProperty} only decides between readings of a part
     * (see {@link Part#parse}). Throws {@link InvalidQueryMethodException} saying what is wrong.
     */
    public static PartTree parse(String methodName, Predicate<String> isProperty) {
        Matcher prefix = PREFIX.matcher(methodName);
        if (!prefix.matches()) {
            throw new InvalidQueryMethodException(noSubject(methodName));
        }
        Verb verb = verb(prefix.group(1));
        boolean distinct = prefix.group(2) != null;
        Integer max = maxResults(prefix.group(3), prefix.group(4));
        String subjectText = prefix.group(5) == null ? "" : prefix.group(5);
        checkSubject(verb, prefix.group(1), distinct, prefix.group(3), subjectText);
        List<String> subject = subject(verb, subjectText);
        String[] predicateAndOrder = ORDER_BY.split(prefix.group(6), -1);
        if (predicateAndOrder.length > 2) {
            throw new InvalidQueryMethodException("it has OrderBy " + (predicateAndOrder.length - 1)
                    + " times; write OrderBy once and list the properties after it: OrderByPortDescHostnameAsc");
        }
        String predicate = predicateAndOrder[0];
        boolean allIgnoreCase = false;
        for (String suffix : ALL_IGNORE_CASE) {
            if (predicate.endsWith(suffix)) {
                predicate = predicate.substring(0, predicate.length() - suffix.length());
                allIgnoreCase = true;
                break;
            }
        }
        List<List<Part>> conditions = conditions(predicate, allIgnoreCase, isProperty);
        List<OrderItem> orderBy = predicateAndOrder.length == 2 ? orderBy(predicateAndOrder[1]) : List.of();
        if (verb != Verb.FIND && !orderBy.isEmpty()) {
            throw new InvalidQueryMethodException("OrderBy has no effect on a " + prefix.group(1)
                    + " query; remove it");
        }
        return new PartTree(methodName, verb, distinct, max, subject, conditions, orderBy, allIgnoreCase);
    }

    private static String noSubject(String methodName) {
        String hint = VERB_ONLY.matcher(methodName).find()
                ? "'" + methodName + "' has no 'By'; derived queries read like findByHostname, countByPort or findAllBy"
                : "'" + methodName + "' does not start with a query subject (find, read, get, query, search, stream, "
                        + "count, exists, delete, remove, update, sum, avg, min or max) followed by By";
        return hint + "; rename it, annotate it with @Query, make it a default method or implement it in a fragment";
    }

    private static Verb verb(String word) {
        return switch (word) {
            case "count" -> Verb.COUNT;
            case "exists" -> Verb.EXISTS;
            case "delete", "remove" -> Verb.DELETE;
            case "update" -> Verb.UPDATE;
            case "sum" -> Verb.SUM;
            case "avg" -> Verb.AVG;
            case "min" -> Verb.MIN;
            case "max" -> Verb.MAX;
            default -> Verb.FIND;
        };
    }

    private static Integer maxResults(String keyword, String digits) {
        if (keyword == null) {
            return null;
        }
        if (digits.isEmpty()) {
            return 1;
        }
        try {
            int max = Integer.parseInt(digits);
            if (max > 0) {
                return max;
            }
        } catch (NumberFormatException e) {
            // too large: reported below
        }
        throw new InvalidQueryMethodException(keyword + digits + " must ask for 1 to " + Integer.MAX_VALUE
                + " rows; write " + keyword + " for one row or " + keyword + "10 for ten");
    }

    private static void checkSubject(Verb verb, String word, boolean distinct, String limitKeyword, String subject) {
        if (limitKeyword != null && verb != Verb.FIND) {
            throw new InvalidQueryMethodException(limitKeyword + " limits the rows a find query returns; a " + word
                    + " query cannot use it");
        }
        if (distinct && verb != Verb.FIND && verb != Verb.COUNT) {
            throw new InvalidQueryMethodException("Distinct is for find and count queries; a " + word
                    + " query cannot use it");
        }
        if ((verb.isAggregate() || verb == Verb.UPDATE) && subject.isEmpty()) {
            throw new InvalidQueryMethodException(word + " needs the property to " + (verb == Verb.UPDATE ? "set" : word)
                    + " between '" + word + "' and 'By', e.g. " + word + "PortByHostname");
        }
    }

    private static List<String> subject(Verb verb, String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (verb != Verb.UPDATE) {
            return List.of(Part.uncapitalize(text));
        }
        List<String> properties = new ArrayList<>();
        for (String property : AND.split(text, -1)) {
            if (property.isEmpty()) {
                throw new InvalidQueryMethodException("the properties to update, '" + text + "', have an empty name "
                        + "around 'And'");
            }
            properties.add(Part.uncapitalize(property));
        }
        return properties;
    }

    private static List<List<Part>> conditions(String predicate, boolean allIgnoreCase, Predicate<String> isProperty) {
        if (predicate.isEmpty()) {
            return List.of();
        }
        List<List<Part>> ors = new ArrayList<>();
        for (String orText : OR.split(predicate, -1)) {
            List<Part> ands = new ArrayList<>();
            for (String andText : AND.split(orText, -1)) {
                if (andText.isEmpty()) {
                    throw new InvalidQueryMethodException("the conditions '" + predicate + "' have an empty part "
                            + "around 'And' or 'Or'; name a property on each side");
                }
                ands.add(Part.parse(andText, allIgnoreCase, isProperty));
            }
            ors.add(ands);
        }
        return ors;
    }

    private static List<OrderItem> orderBy(String text) {
        List<OrderItem> items = new ArrayList<>();
        for (String item : ORDER_ITEMS.split(text, -1)) {
            boolean descending = item.endsWith("Desc");
            String property = descending ? cut(item, "Desc") : item.endsWith("Asc") ? cut(item, "Asc") : item;
            if (property.isEmpty()) {
                throw new InvalidQueryMethodException("OrderBy item '" + item + "' names no property; write "
                        + "OrderByHostnameAsc or OrderByPortDesc");
            }
            items.add(new OrderItem(Part.uncapitalize(property), !descending));
        }
        return items;
    }

    private static String cut(String text, String suffix) {
        return text.substring(0, text.length() - suffix.length());
    }

    public String source() {
        return source;
    }

    public Verb verb() {
        return verb;
    }

    public boolean isDistinct() {
        return distinct;
    }

    /** First/Top: the most rows, or null when not limited. */
    public Integer maxResults() {
        return maxResults;
    }

    /**
     * The text between verb (and Distinct, First/Top) and By, first letter lower-cased: the
     * property to select or aggregate, or for update the properties to set; empty when none.
     */
    public List<String> subject() {
        return subject;
    }

    /** The conditions: an OR of ANDs. Empty means every row. */
    public List<List<Part>> conditions() {
        return conditions;
    }

    /** Every part, in the order their arguments are consumed. */
    public List<Part> parts() {
        return conditions.stream().flatMap(List::stream).toList();
    }

    public List<OrderItem> orderBy() {
        return orderBy;
    }

    public boolean isAllIgnoreCase() {
        return allIgnoreCase;
    }

    @Override
    public String toString() {
        return verb + (distinct ? " distinct" : "") + (maxResults == null ? "" : " top " + maxResults)
                + (subject.isEmpty() ? "" : " " + subject) + " where " + conditions + " order by " + orderBy;
    }
}
