package io.quarry.mapping.other;

/** A superclass in another package whose private fields are columns of its subclasses' tables. */
public abstract class AuditedBase {

    private String createdBy;
    private int revision;

    public String createdBy() {
        return createdBy;
    }

    public int revision() {
        return revision;
    }
}
