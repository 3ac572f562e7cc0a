package org.plateautrace.service;

import java.util.Optional;
import java.util.function.ToLongFunction;
import org.plateautrace.model.Invalid;
import org.plateautrace.service.Refusal.Denied;
import org.plateautrace.service.Refusal.NotFound;
import org.plateautrace.service.auth.Caller;

/** Ownership checks shared by every kind of record a party owns. */
public final class Access {
    private Access() {
    }

    /** A record named in the URL: 404 when absent, 403 when the caller may not read it. */
    public static <T> T readable(Optional<T> found, ToLongFunction<T> owner, Caller caller, String what) {
        T item = found.orElseThrow(() -> new NotFound("no such " + what));
        if (!caller.canRead(owner.applyAsLong(item))) {
            throw new Denied(null, "this " + what + " belongs to another party");
        }
        return item;
    }

    /** A record named in a request body: unknown is a bad field, another party's is a forbidden one. */
    public static <T> T ownReference(Optional<T> found, ToLongFunction<T> owner, long partyId, String field, long id) {
        T item = found.orElseThrow(() -> new Invalid(field, "no such record: " + id));
        if (owner.applyAsLong(item) != partyId) {
            throw new Denied(field, field + " " + id + " belongs to another party");
        }
        return item;
    }
}
