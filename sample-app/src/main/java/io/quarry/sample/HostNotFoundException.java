package io.quarry.sample;

/** No host has the requested id; the REST API answers 404. */
public class HostNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HostNotFoundException(long id) {
        super("No host with id " + id);
    }
}
