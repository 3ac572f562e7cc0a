package org.plateautrace.service;

import java.util.List;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.NotPermitted;
import org.plateautrace.model.events.Recording.ItemError;

/**
 * An all-or-nothing batch with refused items: nothing was stored, and every refusal is listed with its
 * item's index, so that one answer says all that must be fixed. {@code what} names the items ("events", "lots").
 */
public final class BatchRefused extends RuntimeException {
    private final String what;
    private final int total;
    private final transient List<ItemError> errors;

    public BatchRefused(String what, int total, List<ItemError> errors) {
        super(errors.size() + " of " + total + " " + what + " refused; nothing was stored", null, false, false);
        this.what = what;
        this.total = total;
        this.errors = List.copyOf(errors);
    }

    public String what() {
        return what;
    }

    public int total() {
        return total;
    }

    public List<ItemError> errors() {
        return errors;
    }

    /**
     * The refusal of item {@code index} with its HTTP-like status, the field named as {@code at.<field>};
     * an error that is not a refusal (a failed database) is thrown on.
     */
    public static ItemError itemError(int index, String at, Throwable error) {
        if (error instanceof Invalid invalid) {
            return new ItemError(index, 400, under(at, invalid.field()), invalid.detail());
        }
        if (error instanceof NotPermitted denied) {
            return new ItemError(index, 403, under(at, denied.field()), denied.detail());
        }
        if (error instanceof Refusal refusal && !(refusal instanceof Refusal.Unauthenticated)) {
            int status = refusal instanceof Refusal.Denied ? 403 : refusal instanceof Refusal.NotFound ? 404 : 409;
            return new ItemError(index, status, under(at, refusal.field()), refusal.detail());
        }
        throw error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
    }

    private static String under(String at, String field) {
        return field == null ? at : at + "." + field;
    }
}
