package org.plateautrace.model.lots;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.plateautrace.model.Invalid;

/**
 * What a commodity's harvest lot records (its attributes, the units it is counted in, its lot code
 * prefix) and the processing steps its lots may go through.
 */
public record CommodityProfile(String code, String nameZh, String nameEn, String lotPrefix,
                               Set<Unit> units, List<AttributeSpec> attributes, List<String> processSteps) {

    public CommodityProfile {
        units = Set.copyOf(units);
        attributes = List.copyOf(attributes);
        processSteps = List.copyOf(processSteps);
    }

    /** Refuses a processing step this commodity does not know. */
    public void requireStep(String step, String field) {
        if (!processSteps.contains(step)) {
            throw new Invalid(field, "'" + step + "' is not a processing step of " + code + "; one of "
                    + String.join(", ", processSteps));
        }
    }

    /** Checks the attributes of a harvest against this profile and returns them normalised, in profile order. */
    public Map<String, Object> validate(Map<String, Object> given) {
        Map<String, Object> attributes = given == null ? Map.of() : given;
        Set<String> known = attributes().stream().map(AttributeSpec::name).collect(Collectors.toSet());
        for (String name : attributes.keySet()) {
            if (!known.contains(name)) {
                throw new Invalid("attributes." + name, "is not an attribute of " + code + "; known: "
                        + String.join(", ", attributes().stream().map(AttributeSpec::name).toList()));
            }
        }
        Map<String, Object> normalised = new LinkedHashMap<>();
        for (AttributeSpec spec : attributes()) {
            Object raw = attributes.get(spec.name());
            if (raw == null) {
                if (spec.requiredFor(attributes)) {
                    throw new Invalid("attributes." + spec.name(), "is required for a " + code + " lot ("
                            + spec.labelZh() + ", " + spec.labelEn() + ")");
                }
                continue;
            }
            try {
                normalised.put(spec.name(), spec.type().read(raw, spec));
            } catch (Invalid e) {
                throw e.at("attributes." + spec.name());
            }
        }
        return normalised;
    }

    public void requireUnit(Unit unit) {
        if (!units.contains(unit)) {
            throw new Invalid("quantity.unit", "a " + code + " lot is counted in one of "
                    + units.stream().map(Unit::code).sorted().collect(Collectors.joining(", ")));
        }
    }
}
