package org.plateautrace.model;

/** A well-formed request the caller may not make: acting on goods or places that are not its own. */
public final class NotPermitted extends RuntimeException {
    private final String field;

    public NotPermitted(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return getMessage();
    }
}
