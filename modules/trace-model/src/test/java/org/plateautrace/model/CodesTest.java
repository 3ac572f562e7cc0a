package org.plateautrace.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import org.junit.jupiter.api.Test;
import org.plateautrace.model.registry.SiteKind;

class CodesTest {

    @Test
    void ofWritesLowerCaseCode() {
        assertEquals("farm_base", Codes.of(SiteKind.FARM_BASE));
        assertEquals("shop", Codes.of(SiteKind.SHOP));
    }

    @Test
    void parseReadsLowerCaseCode() {
        assertEquals(SiteKind.COLD_STORE, Codes.parse(SiteKind.class, "cold_store", "site kind"));
    }

    @Test
    void parseRefusesUnknownCodeAndListsTheKnownOnes() {
        assertInvalid(null, "unknown site kind 'barn'; one of farm_base, pasture", () -> Codes.parse(SiteKind.class, "barn", "site kind"));
    }

    @Test
    void parseRefusesUpperCaseConstantName() {
        assertInvalid(null, "unknown site kind 'FARM_BASE'", () -> Codes.parse(SiteKind.class, "FARM_BASE", "site kind"));
    }

    @Test
    void parseRefusesNull() {
        assertInvalid(null, "unknown site kind 'null'", () -> Codes.parse(SiteKind.class, null, "site kind"));
    }

    @Test
    void listJoinsAllCodesInDeclarationOrder() {
        assertEquals("farm_base, pasture, forest_plot, processing_plant, cold_store, warehouse, shop", Codes.list(SiteKind.class));
    }
}
