package io.quarry.spring.actuate;

import io.quarry.session.NPlusOneDetection;
import java.util.List;

/**
 * What the {@code quarry} actuator endpoint shows: the mapping, the repositories with the SQL of their
 * methods, statement statistics and the N+1 detector's findings. Names, SQL texts with {@code ?}
 * placeholders and counts only: never a value of the data. Immutable.
 *
 * @param dialect the database's dialect
 * @param entities the mapped entities, by class name
 * @param repositories the repository beans, by interface name
 * @param statements what the statements did since start-up
 * @param nPlusOne the detector's settings and its last findings
 */
public record QuarryDescriptor(String dialect, List<Entity> entities, List<Repository> repositories,
        QuarryStatementStatistics.Statistics statements, NPlusOne nPlusOne) {

    /** An entity: its class, table, columns and relations. */
    public record Entity(String type, String table, List<Column> columns, List<Relation> relations) {
    }

    /**
     * A column of an entity's table.
     *
     * @param property the Java property
     * @param column the column's name
     * @param type the column's type on this database
     * @param id whether it is the primary key
     * @param nullable whether it may hold NULL
     */
    public record Column(String property, String column, String type, boolean id, boolean nullable) {
    }

    /** A relation: its property, kind, the entity it leads to, and its join table (many-to-many) or null. */
    public record Relation(String property, String kind, String target, String joinTable) {
    }

    /** A repository: its interface, entity and methods. */
    public record Repository(String type, String entity, List<Method> methods) {
    }

    /**
     * A method of a repository.
     *
     * @param method its name and parameter types
     * @param kind {@code derived}, {@code query} ({@code @Query}), {@code crud}, {@code executor} (query by
     *        example, predicates), {@code default} or {@code fragment}
     * @param sql the statements it runs, as rendered at start-up (none for methods whose statements the session
     *        writes, such as {@code save}, nor for default methods and fragments)
     */
    public record Method(String method, String kind, List<String> sql) {
    }

    /** The detector's engine-wide settings and its last findings (at most 100, oldest first). */
    public record NPlusOne(String mode, int threshold, List<NPlusOneDetection.Finding> findings) {
    }
}
