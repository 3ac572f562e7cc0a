package org.plateautrace.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactTest {

    @Test
    void noneHasNoParts() {
        assertNull(Contact.NONE.person());
        assertNull(Contact.NONE.phone());
        assertNull(Contact.NONE.email());
    }

    @Test
    void blankPartsBecomeNull() {
        Contact contact = new Contact(" ", "", "  ");
        assertNull(contact.person());
        assertNull(contact.phone());
        assertNull(contact.email());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+86 891 123 4567", "(0894) 582-1234", "13800138000", "0894-5821234"})
    void acceptsPhoneNumbers(String phone) {
        assertEquals(phone, new Contact("扎西", phone, null).phone());
    }

    @Test
    void trimsPhone() {
        assertEquals("13800138000", new Contact(null, " 13800138000 ", null).phone());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1234", "138-0013-800x", "+86 (891) ext. 12", "++8613800138000"})
    void refusesMalformedPhone(String phone) {
        assertInvalid("contact.phone", "is not a phone number", () -> new Contact(null, phone, null));
    }

    @Test
    void refusesPhoneLongerThan40() {
        assertInvalid("contact.phone", "longer than 40", () -> new Contact(null, "1".repeat(41), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tashi@example.com", "coop.nyingchi@mail.example.cn", "a+b@c.io"})
    void acceptsEmailAddresses(String email) {
        assertEquals(email, new Contact(null, null, email).email());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-at-sign", "a@b", "a b@c.cn", "a@b@c.cn", "@example.com", "tashi@"})
    void refusesMalformedEmail(String email) {
        assertInvalid("contact.email", "is not an e-mail address", () -> new Contact(null, null, email));
    }

    @Test
    void refusesControlCharacterInPerson() {
        assertInvalid("contact.person", "control characters", () -> new Contact("扎西\u0007", null, null));
    }
}
