package org.plateautrace.web.epcis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;

/**
 * Writes a request body to a file in the server's spool directory as it arrives, so that a large document never sits in the
 * heap (the request is paused while the file catches up). Over the limit ({@link TooLarge}) or when the
 * client goes away before the body ends, the file is deleted. The request must be paused until {@link #to} is called.
 */
final class BodySpool {
    /** The body had more bytes than the limit. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("too large", null, false, false);
        }
    }

    private BodySpool() {
    }

    /** The body in a new file in {@code dir} (the caller deletes it). */
    static Future<Path> to(Vertx vertx, HttpServerRequest request, Path dir, long limit) {
        FileSystem files = vertx.fileSystem();
        return files.createTempFile(dir.toString(), "capture-", ".json", (String) null).compose(name -> files.open(name, new OpenOptions().setWrite(true))
                .compose(file -> receive(request, file, limit).eventually(file::close))
                .transform(received -> received.succeeded() ? Future.succeededFuture(Path.of(name))
                        : files.delete(name).transform(deleted -> Future.failedFuture(received.cause()))));
    }

    private static Future<Void> receive(HttpServerRequest request, AsyncFile file, long limit) {
        Promise<Void> done = Promise.promise();
        long[] received = {0};
        file.exceptionHandler(done::tryFail);
        request.exceptionHandler(done::tryFail);
        request.endHandler(end -> done.tryComplete());
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > limit) {
                done.tryFail(new TooLarge());
                return;
            }
            file.write(chunk);
            if (file.writeQueueFull()) {
                request.pause();
                file.drainHandler(drained -> request.resume());
            }
        });
        // a client that goes away mid-body: the response is told (the request may have been told before we listened)
        request.response().closeHandler(closed -> done.tryFail(new HttpClosedException("connection closed before the body ended")));
        request.resume();
        if (request.response().closed()) {
            done.tryFail(new HttpClosedException("connection closed before the body ended"));
        }
        return done.future();
    }
}
