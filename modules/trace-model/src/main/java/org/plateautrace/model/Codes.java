package org.plateautrace.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads the lower-case wire code of an enum constant ({@code FARM_BASE} is {@code farm_base}). */
public final class Codes {
    private Codes() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String code, String what) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(code)) {
                return constant;
            }
        }
        throw Invalid.of("unknown " + what + " '" + code + "'; one of " + list(type));
    }

    public static <E extends Enum<E>> String list(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Codes::of).collect(Collectors.joining(", "));
    }
}
