package org.plateautrace.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class InvalidTest {

    @Test
    void ofHasNoFieldAndKeepsDetail() {
        Invalid invalid = Invalid.of("something is wrong");
        assertNull(invalid.field());
        assertEquals("something is wrong", invalid.detail());
        assertEquals("something is wrong", invalid.getMessage());
    }

    @Test
    void atNamesTheFieldWhenThereWasNone() {
        Invalid invalid = Invalid.of("must be a number").at("attributes.liveWeightKg");
        assertEquals("attributes.liveWeightKg", invalid.field());
        assertEquals("must be a number", invalid.detail());
    }

    @Test
    void atKeepsTheInnerPath() {
        Invalid invalid = new Invalid("earTag", "is required").at("attributes");
        assertEquals("attributes.earTag", invalid.field());
        assertEquals("is required", invalid.detail());
    }

    @Test
    void carriesNoStackTrace() {
        assertEquals(0, new Invalid("x", "y").getStackTrace().length);
    }
}
