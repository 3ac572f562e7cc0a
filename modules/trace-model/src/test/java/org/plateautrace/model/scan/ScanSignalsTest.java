package org.plateautrace.model.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScanSignalsTest {
    private final ScanSignals signals = ScanSignals.DEFAULT;

    @Test
    void aPackScannedAFewTimesInOnePlaceIsNotSuspicious() {
        assertFalse(signals.judge(true, 20, null, null, false).suspicious());
    }

    @Test
    void aPackScannedMoreThanTwentyTimesIsSuspicious() {
        ScanSignals.Verdict verdict = signals.judge(true, 21, null, null, false);
        assertTrue(verdict.suspicious());
        assertTrue(verdict.reasons().get(0).contains("21 times"));
    }

    @Test
    void aPackSeenInTwoRegionsWithinTheWindowNamesBoth() {
        ScanSignals.Verdict verdict = signals.judge(true, 2, "Guangdong", "Xizang", false);
        assertEquals(1, verdict.reasons().size());
        assertEquals("scanned in Guangdong and Xizang within 6 hours", verdict.reasons().get(0));
    }

    @Test
    void aBatchCodeScannedAfterTheBatchSoldOutIsSuspiciousButItsScanCountIsNot() {
        assertTrue(signals.judge(false, 1, null, null, true).suspicious());
        assertFalse(signals.judge(false, 500, "Guangdong", "Xizang", false).suspicious());
    }
}
