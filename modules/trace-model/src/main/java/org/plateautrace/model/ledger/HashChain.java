package org.plateautrace.model.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Tamper evidence: each event's hash is SHA-256 over the previous event's hash and its own canonical content. */
public final class HashChain {
    private HashChain() {
    }

    /** The link after {@code previous} (null for the first event). Same as SQL {@code sha256(coalesce(prev,'') || content)}. */
    public static byte[] next(byte[] previous, String content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (previous != null) {
                digest.update(previous);
            }
            return digest.digest(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
