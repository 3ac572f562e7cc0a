package org.plateautrace.model.users;

import java.util.Locale;
import java.util.regex.Pattern;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.Text;

/**
 * A person to create: a login (3 to 64 of a-z 0-9 . _ @ -, kept lower case), a display name, a role, the
 * party (none for the platform administrator) and a password of 10 to 128 characters.
 */
public record NewUser(String login, String name, UserRole role, Long partyId, String password) {
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9._@-]{3,64}");
    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 128;

    public NewUser {
        login = login(login);
        name = Text.required("name", name, 100);
        if (role == null) {
            throw new Invalid("role", "is required");
        }
        if ((role == UserRole.PLATFORM_ADMIN) != (partyId == null)) {
            throw new Invalid("partyId", role == UserRole.PLATFORM_ADMIN
                    ? "a platform administrator belongs to no party" : "is required for role " + role.name().toLowerCase(Locale.ROOT));
        }
        password(password);
    }

    public static String login(String login) {
        String value = Text.required("login", login, 64).toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(value).matches()) {
            throw new Invalid("login", "must be 3 to 64 characters of a-z, 0-9, '.', '_', '@' and '-'");
        }
        return value;
    }

    public static void password(String password) {
        if (password == null || password.isEmpty()) {
            throw new Invalid("password", "is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            throw new Invalid("password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
        }
    }

    @Override
    public String toString() {
        return "NewUser[login=" + login + ", role=" + role + ", partyId=" + partyId + "]";
    }
}
