package io.quarry.spring.schema;

import io.quarry.QuarryException;
import java.util.List;

/**
 * The live schema does not match the mapping: each problem names the table or column, what the
 * mapping expects and what the database has. Immutable and thread-safe.
 */
public class SchemaValidationException extends QuarryException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public SchemaValidationException(List<String> problems) {
        super("The database schema does not match the mapping (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, e.g. {@code missing column host.ip_addr (Host.ipAddr, varchar(45))}. */
    public List<String> getProblems() {
        return problems;
    }
}
