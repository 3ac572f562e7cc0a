package org.plateautrace.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Shared check for the domain's {@link Invalid}: the named field and a meaningful part of the detail. */
public final class InvalidAssertions {
    private InvalidAssertions() {
    }

    /** Asserts that {@code action} throws {@link Invalid} naming {@code field} (may be null) with a detail containing {@code detailPart}. */
    public static Invalid assertInvalid(String field, String detailPart, Executable action) {
        Invalid invalid = assertThrows(Invalid.class, action);
        assertEquals(field, invalid.field(), () -> "field of: " + invalid.detail());
        assertTrue(invalid.detail() != null && invalid.detail().contains(detailPart),
                () -> "detail '" + invalid.detail() + "' should contain '" + detailPart + "'");
        return invalid;
    }
}
