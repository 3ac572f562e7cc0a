package org.plateautrace.server.cli;

/** Waiting between two looks at a capture job. */
final class Pause {
    private Pause() {
    }

    static void briefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
