package org.plateautrace.model;

/** Keyset paging: up to {@code limit} items with an id below {@code after} (null: from the newest). */
public record PageRequest(Long after, int limit) {
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new Invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (after != null && after < 1) {
            throw new Invalid("after", "must be a positive id");
        }
    }
}
