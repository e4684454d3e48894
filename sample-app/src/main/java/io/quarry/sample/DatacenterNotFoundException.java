package io.quarry.sample;

/** No datacenter has the requested id; the REST API answers 404. */
public class DatacenterNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatacenterNotFoundException(long id) {
        super("No datacenter with id " + id);
    }
}
