package org.plateautrace.service.users;

import java.time.Instant;

/**
 * A sign-in that did not succeed: wrong login or password (the same answer for both), or an account locked
 * after too many wrong passwords until {@code lockedUntil}.
 */
public final class SignInRefused extends RuntimeException {
    private final Instant lockedUntil;

    SignInRefused(String detail, Instant lockedUntil) {
        super(detail, null, false, false);
        this.lockedUntil = lockedUntil;
    }

    /** When the account may try again; null when it is not locked. */
    public Instant lockedUntil() {
        return lockedUntil;
    }
}
