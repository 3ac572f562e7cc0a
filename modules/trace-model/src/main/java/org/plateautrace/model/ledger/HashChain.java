package org.plateautrace.model.ledger;

import org.plateautrace.model.Sha256;


/** Tamper evidence: each event's hash is SHA-256 over the previous event's hash and its own canonical content. */
public final class HashChain {
    private HashChain() {
    }

    /** The link after {@code previous} (null for the first event). Same as SQL {@code sha256(coalesce(prev,'') || content)}. */
    public static byte[] next(byte[] previous, String content) {
        return Sha256.of(previous, content);
    }
}
