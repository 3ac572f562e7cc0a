package org.plateautrace.service.users;

import java.time.Instant;
import org.plateautrace.service.auth.Caller;

/**
 * A signed-in person: the session token (only in the answer to a sign-in; null otherwise), when the session
 * ends, who it is and how the API sees them.
 */
public record ConsoleSession(String token, Instant expiresAt, User user, Caller caller) {
}
