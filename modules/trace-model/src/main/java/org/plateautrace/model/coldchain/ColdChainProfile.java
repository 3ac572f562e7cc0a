package org.plateautrace.model.coldchain;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.Text;

/** A named cold-chain profile (chilled meat 0..4 °C, frozen at most -18 °C, ...): at most one band per measure. */
public record ColdChainProfile(String code, String nameZh, String nameEn, List<Band> bands) {

    public ColdChainProfile {
        code = Text.required("code", code, 40);
        if (!code.matches("[a-z][a-z0-9_]*")) {
            throw new Invalid("code", "a profile code is lower-case letters, digits and '_'");
        }
        nameZh = Text.required("nameZh", nameZh, 100);
        nameEn = Text.required("nameEn", nameEn, 100);
        if (bands == null || bands.isEmpty()) {
            throw new Invalid("bands", "a profile needs at least one band");
        }
        bands = List.copyOf(bands);
        Set<Measure> seen = EnumSet.noneOf(Measure.class);
        for (Band band : bands) {
            if (!seen.add(band.measure())) {
                throw new Invalid("bands", "two bands for " + band.measure().code());
            }
        }
    }

    public Optional<Band> band(Measure measure) {
        return bands.stream().filter(band -> band.measure() == measure).findFirst();
    }
}
