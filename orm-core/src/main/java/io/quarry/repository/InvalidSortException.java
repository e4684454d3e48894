package io.quarry.repository;

/**
 * A {@link Sort} named something the entity cannot be sorted by: not a property, a path through a
 * collection, or ignore-case on a property that is not a string. Thrown before any SQL is sent.
 *
 * <p>{@link #getMessage()} is for developers: it names the repository method and how to fix the call.
 * A sort usually comes from a request ({@code ?sort=hostnme,desc}), so {@link #clientMessage()} says
 * the same for the client without the repository's internals: the property as given and, when
 * there is one, the nearest sortable name; the starter's web support answers with it as a 400.
 */
public class InvalidSortException extends InvalidArgumentException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String clientMessage;

    public InvalidSortException(String message, String property, String clientMessage) {
        super(message);
        this.property = property;
        this.clientMessage = clientMessage;
    }

    /** The sort property as it was given, e.g. {@code datacenter.nmae}. */
    public String property() {
        return property;
    }

    /** A message fit for the client that sent the sort: no method or class names. */
    public String clientMessage() {
        return clientMessage;
    }
}
