package org.plateautrace.service.auth;

import java.security.SecureRandom;
import java.util.Base64;
import org.plateautrace.model.Sha256;

/**
 * Bearer tokens: 256 random bits, shown once, stored as SHA-256. A slow password hash is not needed
 * here: a token has full entropy, so its hash cannot be reversed by guessing.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "pt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String token) {
        return Sha256.of(token);
    }
}
