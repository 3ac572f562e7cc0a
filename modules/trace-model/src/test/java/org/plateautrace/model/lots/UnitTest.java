package org.plateautrace.model.lots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UnitTest {

    @Test
    void parsesEveryCode() {
        for (Unit unit : Unit.values()) {
            assertEquals(unit, Unit.parse(unit.code()));
        }
        assertEquals(Unit.KG, Unit.parse("kg"));
        assertEquals(Unit.L, Unit.parse("L"));
    }

    @Test
    void refusesUnknownUnitListingTheKnownOnes() {
        assertInvalid(null, "unknown unit 'KG'; one of kg, g, t, jin, L, head, piece, box", () -> Unit.parse("KG"));
        assertInvalid(null, "unknown unit 'null'", () -> Unit.parse(null));
    }

    @Test
    void usesUnEceRec20Codes() {
        assertEquals("KGM", Unit.KG.uom());
        assertEquals("GRM", Unit.G.uom());
        assertEquals("TNE", Unit.T.uom());
        assertEquals("LTR", Unit.L.uom());
        assertEquals("H87", Unit.HEAD.uom());
        assertEquals("JIN", Unit.JIN.uom());
    }

    @Test
    void onlyHeadsPiecesAndBoxesAreCountable() {
        assertTrue(Unit.HEAD.countable());
        assertTrue(Unit.PIECE.countable());
        assertTrue(Unit.BOX.countable());
        assertFalse(Unit.KG.countable());
        assertFalse(Unit.JIN.countable());
        assertFalse(Unit.L.countable());
    }

    @Test
    void maxPerLotIsPositive() {
        for (Unit unit : Unit.values()) {
            assertTrue(unit.maxPerLot().signum() > 0, unit.code());
        }
        assertEquals(0, new BigDecimal("100000").compareTo(Unit.HEAD.maxPerLot()));
    }
}
