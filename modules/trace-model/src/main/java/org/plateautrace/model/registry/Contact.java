package org.plateautrace.model.registry;

import org.plateautrace.model.Invalid;
import org.plateautrace.model.Text;

/** Who to reach at a party. All parts optional. */
public record Contact(String person, String phone, String email) {
    public static final Contact NONE = new Contact(null, null, null);

    public Contact {
        person = Text.optional("contact.person", person, 100);
        phone = Text.optional("contact.phone", phone, 40);
        email = Text.optional("contact.email", email, 200);
        if (phone != null && !phone.matches("\\+?[0-9 ()-]{5,40}")) {
            throw new Invalid("contact.phone", "is not a phone number");
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new Invalid("contact.email", "is not an e-mail address");
        }
    }
}
