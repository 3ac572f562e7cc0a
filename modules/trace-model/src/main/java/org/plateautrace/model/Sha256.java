package org.plateautrace.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of UTF-8 text, optionally after some leading bytes (a salt, a previous hash). */
public final class Sha256 {
    private Sha256() {
    }

    public static byte[] of(String text) {
        return of(null, text);
    }

    /** SHA-256 of {@code prefix} (when not null) followed by the UTF-8 bytes of {@code text}. */
    public static byte[] of(byte[] prefix, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (prefix != null) {
                digest.update(prefix);
            }
            return digest.digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
