package org.plateautrace.model.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Counterfeit signals from the scans of one code. A pack is scanned a few times by its buyer; a copied
 * code is scanned by many people in many places. Thresholds come from configuration.
 *
 * @param maxPackScans     more scans of one pack code than this is suspicious
 * @param distantWindow    scans of one pack code from different regions within this window are suspicious
 */
public record ScanSignals(int maxPackScans, Duration distantWindow) {
    public static final ScanSignals DEFAULT = new ScanSignals(20, Duration.ofHours(6));

    /** One scan: when and from which coarse region (null when unknown). */
    public record Scan(Instant at, String region) {
    }

    /** What a code's scans say: suspicious or not, and why. */
    public record Verdict(boolean suspicious, List<String> reasons) {
    }

    /**
     * @param pack         a pack code (serial) rather than a lot-level code
     * @param scans        how often the code was scanned, this scan included
     * @param distantFrom  the region of the first of two scans from different regions within the window, or null
     * @param distantTo    the region of the second of them, or null
     * @param lotSoldOut   every pack of the lot is sold or gone (a lot code seen after that is odd)
     */
    public Verdict judge(boolean pack, long scans, String distantFrom, String distantTo, boolean lotSoldOut) {
        List<String> reasons = new ArrayList<>();
        if (pack && scans > maxPackScans) {
            reasons.add("scanned " + scans + " times; a pack is usually scanned a few times");
        }
        if (pack && distantFrom != null) {
            reasons.add("scanned in " + distantFrom + " and " + distantTo + " within " + distantWindow.toHours() + " hours");
        }
        if (!pack && lotSoldOut) {
            reasons.add("the batch code is scanned after all of the batch was sold");
        }
        return new Verdict(!reasons.isEmpty(), reasons);
    }
}
