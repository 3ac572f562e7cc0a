package org.plateautrace.model;

/**
 * A JSON value already written out as text, to be put into an answer as it is instead of being built as
 * objects and encoded again (a trace of hundreds of lots, say).
 */
public record JsonText(String json) {
    public JsonText {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("no JSON text");
        }
    }
}
