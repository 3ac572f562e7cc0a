package org.plateautrace.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import org.junit.jupiter.api.Test;

class LocalizedNameTest {

    @Test
    void keepsAllThreeLanguagesTrimmed() {
        LocalizedName name = new LocalizedName(" 林芝红茶 ", " Nyingchi black tea ", " ཉིང་ཁྲི་ ");
        assertEquals("林芝红茶", name.zh());
        assertEquals("Nyingchi black tea", name.en());
        assertEquals("ཉིང་ཁྲི་", name.bo());
    }

    @Test
    void tibetanIsOptional() {
        assertNull(new LocalizedName("林芝红茶", "Nyingchi black tea", " ").bo());
    }

    @Test
    void refusesMissingChinese() {
        assertInvalid("name.zh", "is required", () -> new LocalizedName(" ", "Nyingchi black tea", null));
    }

    @Test
    void refusesMissingEnglish() {
        assertInvalid("name.en", "is required", () -> new LocalizedName("林芝红茶", null, null));
    }

    @Test
    void refusesTooLongTibetan() {
        assertInvalid("name.bo", "longer than 200", () -> new LocalizedName("林芝红茶", "tea", "ཀ".repeat(201)));
    }
}
