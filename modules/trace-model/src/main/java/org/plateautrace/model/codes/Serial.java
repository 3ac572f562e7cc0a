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
        // One draw of 72 random bits, five bits per symbol: 32 symbols map exactly, so no modulo bias,
        // and one call into the (synchronised, slow) SecureRandom per serial instead of thirteen.
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        long low = 0;
        for (int i = 0; i < 8; i++) {
            low = (low << 8) | (bytes[i] & 0xff);
        }
        char[] symbols = new char[GENERATED_LENGTH];
        for (int i = 0; i < 12; i++) {
            symbols[i] = ALPHABET.charAt((int) (low >>> (i * 5)) & 31);
        }
        symbols[12] = ALPHABET.charAt(((int) (low >>> 60) & 15) | ((bytes[8] & 1) << 4));
        return new Serial(new String(symbols));
    }

    @Override
    public String toString() {
        return value;
    }
}
