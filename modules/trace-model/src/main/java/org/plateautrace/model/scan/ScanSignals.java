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

    /** One earlier scan: when and from which coarse region (null when unknown). */
    public record Scan(Instant at, String region) {
    }

    /** What a code's scan history says: suspicious or not, and why. */
    public record Verdict(boolean suspicious, List<String> reasons) {
    }

    /**
     * @param pack        a pack code (serial) rather than a lot-level code
     * @param scans       the code's scans so far, this one included
     * @param lotSoldOut  every pack of the lot is sold or gone (a lot code seen after that is odd)
     */
    public Verdict judge(boolean pack, List<Scan> scans, boolean lotSoldOut) {
        List<String> reasons = new ArrayList<>();
        if (pack && scans.size() > maxPackScans) {
            reasons.add("scanned " + scans.size() + " times; a pack is usually scanned a few times");
        }
        if (pack) {
            for (int i = 0; i < scans.size() && reasons.size() < 2; i++) {
                for (int j = i + 1; j < scans.size(); j++) {
                    Scan a = scans.get(i);
                    Scan b = scans.get(j);
                    if (a.region() != null && b.region() != null && !a.region().equals(b.region())
                            && Duration.between(a.at(), b.at()).abs().compareTo(distantWindow) <= 0) {
                        reasons.add("scanned in " + a.region() + " and " + b.region() + " within "
                                + distantWindow.toHours() + " hours");
                        i = scans.size();
                        break;
                    }
                }
            }
        }
        if (!pack && lotSoldOut) {
            reasons.add("the batch code is scanned after all of the batch was sold");
        }
        return new Verdict(!reasons.isEmpty(), reasons);
    }
}
