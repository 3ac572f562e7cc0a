package org.plateautrace.model.codes;

import java.security.SecureRandom;
import java.util.Objects;
import org.plateautrace.model.Invalid;

/**
 * A serial number as carried in GS1 AI (21): 1 to 20 characters of GS1 character set 82. Together with a
 * GTIN it names one pack (a trace code); generated serials are unguessable.
 */
public record Serial(String value) {
    /** Readable alphabet: no 0/O, no 1/I. 32 symbols = 5 bits each. */
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    /** 13 symbols = 65 bits of entropy. */
    public static final int GENERATED_LENGTH = 13;

    public Serial {
        if (value == null || value.isEmpty() || value.length() > 20) {
            throw Invalid.of("a serial number has 1 to 20 characters");
        }
        Gs1Chars.requireCset82(value);
    }

    /**
     * A fresh serial of {@link #GENERATED_LENGTH} symbols of {@link #ALPHABET}, each drawn uniformly:
     * {@code nextInt(bound)} rejects out-of-range draws instead of reducing modulo the bound (and 32 is a
     * power of two anyway), so every symbol has probability exactly 1/32. Uniqueness is the database's job.
     */
    public static Serial generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        char[] symbols = new char[GENERATED_LENGTH];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new Serial(new String(symbols));
    }

    @Override
    public String toString() {
        return value;
    }
}
