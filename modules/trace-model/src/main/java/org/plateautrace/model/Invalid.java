package org.plateautrace.model;

/**
 * Input that breaks a rule of the domain. {@code field} names the offending input (a JSON path such as
 * {@code quantity.value}) when it is known; the web layer turns this into a 4xx problem.
 */
public final class Invalid extends RuntimeException {
    private final String field;

    public Invalid(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    public static Invalid of(String detail) {
        return new Invalid(null, detail);
    }

    public String field() {
        return field;
    }

    public String detail() {
        return getMessage();
    }

    /** The same complaint about a named field, keeping an inner path (e.g. {@code attributes.earTag}). */
    public Invalid at(String outerField) {
        return new Invalid(field == null ? outerField : outerField + "." + field, detail());
    }
}
