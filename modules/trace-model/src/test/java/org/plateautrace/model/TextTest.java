package org.plateautrace.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void requiredRefusesNull() {
        assertInvalid("name", "is required", () -> Text.required("name", null, 10));
    }

    @Test
    void requiredRefusesBlank() {
        assertInvalid("name", "is required", () -> Text.required("name", " \t ", 10));
    }

    @Test
    void requiredTrimsText() {
        assertEquals("林芝茶业合作社", Text.required("name", "  林芝茶业合作社 ", 10));
    }

    @Test
    void optionalAnswersNullForBlank() {
        assertNull(Text.optional("township", "   ", 10));
        assertNull(Text.optional("township", null, 10));
    }

    @Test
    void refusesTooLongText() {
        assertInvalid("name", "longer than 5 characters", () -> Text.required("name", "abcdef", 5));
    }

    @Test
    void acceptsTextOfExactlyMaxLength() {
        assertEquals("abcde", Text.required("name", "abcde", 5));
    }

    @Test
    void lengthIsCountedInCodePointsNotChars() {
        String fiveSupplementary = "\uD840\uDC00".repeat(5); // U+20000 five times: 10 chars, 5 code points
        assertEquals(fiveSupplementary, Text.required("name", fiveSupplementary, 5));
        assertInvalid("name", "longer than 4", () -> Text.required("name", fiveSupplementary, 4));
    }

    @Test
    void lengthIsCheckedAfterTrimming() {
        assertEquals("abc", Text.required("name", "   abc   ", 3));
    }

    @Test
    void refusesControlCharacterInside() {
        assertInvalid("name", "control characters", () -> Text.required("name", "line one\nline two", 100));
        assertInvalid("name", "control characters", () -> Text.optional("name", "tab\there", 100));
        assertInvalid("name", "control characters", () -> Text.optional("name", "nul\u0000", 100));
    }

    @Test
    void trailingNewlineIsTrimmedNotRefused() {
        assertEquals("text", Text.required("name", "text\n", 100));
    }
}
