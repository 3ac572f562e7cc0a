package org.plateautrace.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void acceptsLimitsAtBothEnds() {
        assertEquals(1, new PageRequest(null, 1).limit());
        assertEquals(500, new PageRequest(null, PageRequest.MAX_LIMIT).limit());
    }

    @Test
    void refusesZeroLimit() {
        assertInvalid("limit", "between 1 and 500", () -> new PageRequest(null, 0));
    }

    @Test
    void refusesLimitAboveMax() {
        assertInvalid("limit", "between 1 and 500", () -> new PageRequest(null, 501));
    }

    @Test
    void nullAfterStartsFromNewest() {
        assertNull(new PageRequest(null, 50).after());
    }

    @Test
    void acceptsPositiveAfter() {
        assertEquals(42L, new PageRequest(42L, 50).after());
    }

    @Test
    void refusesNonPositiveAfter() {
        assertInvalid("after", "positive id", () -> new PageRequest(0L, 50));
        assertInvalid("after", "positive id", () -> new PageRequest(-5L, 50));
    }
}
