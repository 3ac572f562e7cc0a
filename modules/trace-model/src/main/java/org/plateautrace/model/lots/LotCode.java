package org.plateautrace.model.lots;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.codes.Gs1Chars;

/** A lot (batch) number as carried in GS1 AI (10): 1 to 20 characters of GS1 character set 82. */
public record LotCode(String value) {
    /** Letters and digits a person reads back without confusing 0/O or 1/I. */
    public static final String READABLE = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final SecureRandom RANDOM = new SecureRandom();

    public LotCode {
        if (value == null || value.isEmpty() || value.length() > 20) {
            throw Invalid.of("a lot code has 1 to 20 characters");
        }
        Gs1Chars.requireCset82(value);
    }

    /**
     * A fresh readable code: commodity letter prefix, harvest date, four random characters,
     * e.g. {@code TEA-260502-K7QM} (15 characters; 32^4 choices a day, uniqueness is the database's job).
     */
    public static LotCode generate(String prefix, LocalDate harvestDate) {
        StringBuilder code = new StringBuilder(prefix).append('-').append(DATE.format(harvestDate)).append('-');
        for (int i = 0; i < 4; i++) {
            code.append(READABLE.charAt(RANDOM.nextInt(READABLE.length())));
        }
        return new LotCode(code.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
