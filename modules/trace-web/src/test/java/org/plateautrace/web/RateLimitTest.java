package org.plateautrace.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimitTest {
    private static final long MINUTE = 60_000;

    @Test
    void allowsTheLimitInAMinuteThenRefusesAndHoldsNoOtherClientUp() {
        RateLimit limit = new RateLimit(10);
        for (int i = 0; i < 10; i++) {
            assertTrue(limit.allow("a", 5 * MINUTE + i));
        }
        assertFalse(limit.allow("a", 5 * MINUTE + 20));
        assertTrue(limit.allow("b", 5 * MINUTE + 21));
    }

    @Test
    void aClientCannotSendTwiceTheLimitAcrossTheTurnOfAMinute() {
        RateLimit limit = new RateLimit(10);
        for (int i = 0; i < 10; i++) {
            assertTrue(limit.allow("a", 6 * MINUTE - 100 + i));
        }
        assertFalse(limit.allow("a", 6 * MINUTE + 100), "the last 60 seconds already hold 10 requests");
        assertEquals(4, allowed(limit, "a", 6 * MINUTE + MINUTE / 2, 20),
                "half a minute on, half of the previous minute's 10 requests still count, and the refused try too");
        assertEquals(10, allowed(limit, "a", 8 * MINUTE, 20), "a minute without requests clears the count");
    }

    private static int allowed(RateLimit limit, String client, long at, int tries) {
        int allowed = 0;
        for (int i = 0; i < tries; i++) {
            if (limit.allow(client, at)) {
                allowed++;
            }
        }
        return allowed;
    }
}
