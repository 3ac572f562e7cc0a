package org.plateautrace.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code perMinute} requests per client key in any minute, shared by every HTTP verticle of the
 * process: a sliding window, counted per clock minute, with the previous minute's count weighed by how
 * much of it the last 60 seconds still cover (so a client cannot send twice the limit across the turn of
 * a minute). Keys are hashes or addresses; old windows are dropped as the map grows.
 */
public final class RateLimit {
    private static final int MAX_KEYS = 100_000;

    /** One client's requests in one minute, and in the minute before; counted without a lock, as every event loop counts the same client. */
    private static final class Window {
        private final long minute;
        private final int previous;
        private final AtomicInteger count = new AtomicInteger();

        Window(long minute, int previous) {
            this.minute = minute;
            this.previous = previous;
        }
    }

    private final int perMinute;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimit(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one request a minute");
        }
        this.perMinute = perMinute;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Counts a request of the client at the given time; false when it is over the limit. */
    public boolean allow(String client, long nowMillis) {
        long minute = nowMillis / 60_000;
        Window window = windows.get(client);
        if (window == null || window.minute != minute) {
            if (windows.size() > MAX_KEYS) {
                windows.values().removeIf(old -> old.minute < minute);
            }
            window = windows.compute(client, (key, old) -> old != null && old.minute == minute ? old
                    : new Window(minute, old != null && old.minute == minute - 1 ? old.count.get() : 0));
        }
        double stillCovered = 1 - (nowMillis % 60_000) / 60_000.0;
        return window.count.incrementAndGet() + window.previous * stillCovered <= perMinute;
    }
}
