package org.plateautrace.model.coldchain;

import static org.plateautrace.model.coldchain.Band.atMost;
import static org.plateautrace.model.coldchain.Band.between;
import static org.plateautrace.model.coldchain.Measure.RELATIVE_HUMIDITY;
import static org.plateautrace.model.coldchain.Measure.TEMPERATURE;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.plateautrace.model.Invalid;

/**
 * The cold-chain profiles of the plateau's products: data, read by product forms, the consumer page and
 * {@link Excursions}. A product names its profile; a harvest lot without a product gets its commodity's default.
 */
public final class ColdChainProfiles {
    private static final Duration MIN_30 = Duration.ofMinutes(30);
    private static final Duration MIN_60 = Duration.ofMinutes(60);
    private static final Duration MIN_120 = Duration.ofMinutes(120);
    private static final Duration MIN_240 = Duration.ofMinutes(240);

    public static final List<ColdChainProfile> ALL = List.of(
            new ColdChainProfile("chilled_meat", "冷鲜肉", "Chilled meat", List.of(
                    between(TEMPERATURE, "0", "4", MIN_30))),
            new ColdChainProfile("frozen", "冷冻", "Frozen", List.of(
                    atMost(TEMPERATURE, "-18", MIN_60))),
            new ColdChainProfile("fresh_fungi", "鲜食用菌", "Fresh edible fungi", List.of(
                    between(TEMPERATURE, "1", "4", MIN_30),
                    between(RELATIVE_HUMIDITY, "85", "95", MIN_120))),
            new ColdChainProfile("fresh_fruit", "鲜果", "Fresh fruit", List.of(
                    between(TEMPERATURE, "-1", "4", MIN_60))),
            new ColdChainProfile("dry_ambient", "常温干货", "Dry goods, ambient", List.of(
                    between(TEMPERATURE, "0", "30", MIN_240),
                    atMost(RELATIVE_HUMIDITY, "65", MIN_240))),
            new ColdChainProfile("live_animal", "活畜", "Live animals", List.of(
                    between(TEMPERATURE, "0", "30", MIN_60))));

    /** What a commodity's harvest travels as before any processing (a slaughtered pig is chilled_meat, by its product). */
    private static final Map<String, String> HARVEST_DEFAULTS = Map.of(
            "tea", "dry_ambient",
            "herb", "dry_ambient",
            "barley", "dry_ambient",
            "tibetan_pig", "live_animal",
            "yak", "live_animal",
            "fungi", "fresh_fungi",
            "fruit", "fresh_fruit");

    private ColdChainProfiles() {
    }

    public static Optional<ColdChainProfile> find(String code) {
        return ALL.stream().filter(profile -> profile.code().equals(code)).findFirst();
    }

    public static ColdChainProfile require(String code) {
        return find(code).orElseThrow(() -> Invalid.of("unknown cold-chain profile '" + code + "'; one of " + codes()));
    }

    /** Default profile of a commodity's harvest: tea, herb, barley dry_ambient; tibetan_pig, yak live_animal; fungi fresh_fungi; fruit fresh_fruit. */
    public static ColdChainProfile defaultFor(String commodity) {
        String code = commodity == null ? null : HARVEST_DEFAULTS.get(commodity);
        if (code == null) {
            throw Invalid.of("no default cold-chain profile for commodity '" + commodity + "'; known: "
                    + String.join(", ", HARVEST_DEFAULTS.keySet().stream().sorted().toList()));
        }
        return require(code);
    }

    /** The profile a product names, else its commodity's default. */
    public static ColdChainProfile of(String named, String commodity) {
        return named != null ? require(named) : defaultFor(commodity);
    }

    public static String codes() {
        return String.join(", ", ALL.stream().map(ColdChainProfile::code).toList());
    }
}
