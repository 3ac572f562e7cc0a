package org.plateautrace.model;

import java.util.List;

/** One page of a list, newest first; {@code nextAfter} is the id to continue after, null on the last page. */
public record Page<T>(List<T> items, Long nextAfter) {
}
