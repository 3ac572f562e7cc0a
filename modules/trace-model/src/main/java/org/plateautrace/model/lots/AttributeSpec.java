package org.plateautrace.model.lots;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One field a commodity's harvest lot records (it becomes ILMD of the commissioning event).
 * {@code requiredWhen} makes it required only when another attribute has a given value
 * (e.g. a spawn source only for cultivated fungi).
 */
public record AttributeSpec(String name, AttributeType type, boolean required, List<String> values,
                            Map<String, String> requiredWhen, BigDecimal min, BigDecimal max,
                            String labelZh, String labelEn) {

    public AttributeSpec {
        values = values == null ? List.of() : List.copyOf(values);
        requiredWhen = requiredWhen == null ? Map.of() : Map.copyOf(requiredWhen);
    }

    static AttributeSpec text(String name, boolean required, String zh, String en) {
        return new AttributeSpec(name, AttributeType.STRING, required, null, null, null, null, zh, en);
    }

    static AttributeSpec date(String name, boolean required, String zh, String en) {
        return new AttributeSpec(name, AttributeType.DATE, required, null, null, null, null, zh, en);
    }

    static AttributeSpec choice(String name, boolean required, List<String> values, String zh, String en) {
        return new AttributeSpec(name, AttributeType.ENUM, required, values, null, null, null, zh, en);
    }

    static AttributeSpec number(String name, boolean required, String min, String max, String zh, String en) {
        return new AttributeSpec(name, AttributeType.NUMBER, required, null, null,
                new BigDecimal(min), new BigDecimal(max), zh, en);
    }

    AttributeSpec requiredWhen(String attribute, String value) {
        return new AttributeSpec(name, type, false, values, Map.of(attribute, value), min, max, labelZh, labelEn);
    }

    boolean requiredFor(Map<String, Object> attributes) {
        return required || !requiredWhen.isEmpty() && requiredWhen.entrySet().stream()
                .allMatch(when -> when.getValue().equals(attributes.get(when.getKey())));
    }
}
