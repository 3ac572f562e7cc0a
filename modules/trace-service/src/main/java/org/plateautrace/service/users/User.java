package org.plateautrace.service.users;

import java.time.Instant;
import org.plateautrace.model.users.UserRole;
import org.plateautrace.store.users.UserRepository.StoredUser;

/** A console user as shown: never the password hash. */
public record User(long id, String login, String name, UserRole role, Long partyId, String partyName, String partyKind,
                   Instant createdAt) {

    static User of(StoredUser stored) {
        return new User(stored.id(), stored.login(), stored.name(), stored.role(), stored.partyId(), stored.partyName(),
                stored.partyKind(), stored.createdAt());
    }
}
