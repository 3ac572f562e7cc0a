package org.plateautrace.service;

/**
 * A request the service will not carry out, and why. Each kind maps to one HTTP status in the web
 * layer; {@code field} names the input at fault when there is one.
 */
public abstract sealed class Refusal extends RuntimeException
        permits Refusal.Unauthenticated, Refusal.Denied, Refusal.NotFound, Refusal.Conflict {
    private final String field;

    private Refusal(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return getMessage();
    }

    /** No valid credentials. */
    public static final class Unauthenticated extends Refusal {
        public Unauthenticated(String detail) {
            super(null, detail);
        }
    }

    /** Valid credentials, but not for this. */
    public static final class Denied extends Refusal {
        public Denied(String field, String detail) {
            super(field, detail);
        }
    }

    /** The thing named in the path does not exist. */
    public static final class NotFound extends Refusal {
        public NotFound(String detail) {
            super(null, detail);
        }
    }

    /** It would duplicate something that must be unique. */
    public static final class Conflict extends Refusal {
        public Conflict(String field, String detail) {
            super(field, detail);
        }
    }
}
