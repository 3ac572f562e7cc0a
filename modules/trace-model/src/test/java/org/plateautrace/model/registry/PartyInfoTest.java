package org.plateautrace.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import org.junit.jupiter.api.Test;

class PartyInfoTest {
    private static final CreditCode CODE = new CreditCode("91350100M000100Y43");

    private static PartyInfo party(String name, String county) {
        return new PartyInfo(PartyKind.COOPERATIVE, name, null, CODE, county, null, null);
    }

    @Test
    void acceptsAndTrimsParty() {
        PartyInfo info = new PartyInfo(PartyKind.COOPERATIVE, " 林芝茶业合作社 ", " Nyingchi Tea Cooperative ", CODE,
                " 巴宜区 ", " ", new Contact("扎西", "13800138000", null));
        assertEquals("林芝茶业合作社", info.name());
        assertEquals("Nyingchi Tea Cooperative", info.nameEn());
        assertEquals("巴宜区", info.county());
        assertNull(info.township());
        assertEquals("13800138000", info.contact().phone());
    }

    @Test
    void missingContactBecomesNone() {
        assertSame(Contact.NONE, party("合作社", "巴宜区").contact());
    }

    @Test
    void refusesBlankName() {
        assertInvalid("name", "is required", () -> party("   ", "巴宜区"));
        assertInvalid("name", "is required", () -> party(null, "巴宜区"));
    }

    @Test
    void refusesTooLongName() {
        assertInvalid("name", "longer than 200", () -> party("茶".repeat(201), "巴宜区"));
    }

    @Test
    void acceptsNameOfTwoHundredCharacters() {
        assertEquals(200, party("茶".repeat(200), "巴宜区").name().length());
    }

    @Test
    void refusesControlCharacterInName() {
        assertInvalid("name", "control characters", () -> party("林芝\r\n合作社", "巴宜区"));
    }

    @Test
    void refusesMissingKind() {
        assertInvalid("kind", "is required", () -> new PartyInfo(null, "合作社", null, CODE, "巴宜区", null, null));
    }

    @Test
    void refusesMissingCreditCode() {
        assertInvalid("creditCode", "is required",
                () -> new PartyInfo(PartyKind.PROCESSOR, "合作社", null, null, "巴宜区", null, null));
    }

    @Test
    void refusesMissingCounty() {
        assertInvalid("county", "is required", () -> party("合作社", " "));
    }

    @Test
    void refusesTooLongEnglishName() {
        assertInvalid("nameEn", "longer than 200",
                () -> new PartyInfo(PartyKind.LAB, "实验室", "x".repeat(201), CODE, "巴宜区", null, null));
    }
}
