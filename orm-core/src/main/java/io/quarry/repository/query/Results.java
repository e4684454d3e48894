package io.quarry.repository.query;

import io.quarry.session.ResultMapper;

/** What derived and hand-written queries share when they shape rows into a method's result. Stateless. */
public final class Results {

    /** Reads the first column as the driver returns it: counts and EXISTS probes. */
    public static final ResultMapper<Object> FIRST_COLUMN = resultSet -> resultSet.getObject(1);

    private Results() {
    }
}
