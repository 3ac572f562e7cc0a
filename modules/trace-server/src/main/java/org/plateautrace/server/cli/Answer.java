package org.plateautrace.server.cli;

import io.vertx.core.json.JsonObject;

/** What a target answered: an HTTP status and its JSON body (a problem+json on refusal), whichever the target. */
record Answer(int status, JsonObject body) {
    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The field a refusal names (null when none). */
    String field() {
        return body.getString("field");
    }

    String detail() {
        String detail = body.getString("detail");
        if (detail == null) {
            return body.encode();
        }
        String field = field();
        return field != null && detail.startsWith(field + ": ") ? detail.substring(field.length() + 2) : detail;
    }

    static Answer problem(int status, String field, String detail) {
        return new Answer(status, new JsonObject().put("status", status).put("field", field).put("detail", detail));
    }
}
