package org.plateautrace.web.codes;

import static org.plateautrace.web.BearerAuth.caller;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.qr.ErrorCorrection;
import org.plateautrace.qr.Label;
import org.plateautrace.qr.LabelSheet;
import org.plateautrace.qr.QrCodes;
import org.plateautrace.service.codes.CodeBatch;
import org.plateautrace.service.codes.CodeService;
import org.plateautrace.service.lots.LotService;
import org.plateautrace.web.ETags;
import org.plateautrace.web.JsonInput;
import org.plateautrace.web.PathIds;
import org.plateautrace.web.Problems;
import org.plateautrace.web.QueryParams;
import org.plateautrace.web.Replies;

/**
 * QR codes of lots, serialised pack codes and their downloads for printing: CSV for industrial label
 * printers (streamed) and A4 label sheets as PDF. Rendering runs on worker threads.
 */
public final class CodeRoutes {
    /** A label sheet beyond this many labels is asked for in ranges (from, count). */
    public static final int MAX_LABELS_PER_PDF = 10_000;
    private static final int CSV_CHUNK = 2_000;

    private final Vertx vertx;
    private final CodeService codes;
    private final LotService lots;
    private final String publicBaseUrl;

    public CodeRoutes(Vertx vertx, CodeService codes, LotService lots, String publicBaseUrl) {
        this.vertx = vertx;
        this.codes = codes;
        this.lots = lots;
        this.publicBaseUrl = publicBaseUrl;
    }

    public Router router() {
        Router router = Router.router(vertx);
        router.get("/lots/:id/qr.png").handler(ctx -> lotQr(ctx, "png"));
        router.get("/lots/:id/qr.svg").handler(ctx -> lotQr(ctx, "svg"));
        router.post("/lots/:id/codes").handler(this::issue);
        router.get("/lots/:id/code-batches").handler(this::batches);
        router.get("/code-batches/:id").handler(this::batch);
        router.get("/code-batches/:id/codes.csv").handler(this::csv);
        router.get("/code-batches/:id/labels.pdf").handler(this::labels);
        return router;
    }

    private void lotQr(RoutingContext ctx, String format) {
        QueryParams query = QueryParams.of(ctx, "size", "ec");
        long size = query.id("size") == null ? QrCodes.DEFAULT_SIZE : query.id("size");
        if (size < QrCodes.MIN_SIZE || size > QrCodes.MAX_SIZE) {
            throw new Invalid("size", "must be between " + QrCodes.MIN_SIZE + " and " + QrCodes.MAX_SIZE + " pixels");
        }
        int pixels = (int) size;
        ErrorCorrection ec = query.string("ec") == null ? ErrorCorrection.M : errorCorrection(query.string("ec"));
        lots.lot(caller(ctx), PathIds.id(ctx, "id")).compose(lot -> {
            String link = DigitalLink.forLot(publicBaseUrl, lot.gtin(), lot.lotCode());
            String etag = ETags.of(format + "|" + pixels + "|" + ec + "|" + link);
            HttpServerResponse response = ctx.response()
                    .putHeader("ETag", etag)
                    .putHeader("Cache-Control", "private, max-age=86400");
            if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
                return response.setStatusCode(304).end();
            }
            return vertx.executeBlocking(() -> render(format, link, pixels, ec), false)
                    .compose(image -> response
                            .putHeader("Content-Type", format.equals("png") ? "image/png" : "image/svg+xml")
                            .end(image));
        }).onFailure(ctx::fail);
    }

    private void issue(RoutingContext ctx) {
        JsonInput body = JsonInput.body(ctx, Set.of("count"));
        int count = (int) Math.min(body.id("count", true), Integer.MAX_VALUE);
        Replies.created(ctx, codes.issue(caller(ctx), PathIds.id(ctx, "id"), count), this::json,
                json -> "/api/v1/code-batches/" + json.getLong("id"));
    }

    private void batch(RoutingContext ctx) {
        Replies.ok(ctx, codes.batch(caller(ctx), PathIds.id(ctx, "id")), this::json);
    }

    private void batches(RoutingContext ctx) {
        Replies.ok(ctx, codes.batches(caller(ctx), PathIds.id(ctx, "id")),
                list -> new JsonObject().put("items", new JsonArray(list.stream().map(this::summary).toList())));
    }

    /** Streams serial and Digital Link per line; only one chunk of rows is in memory at a time. */
    private void csv(RoutingContext ctx) {
        long batchId = PathIds.id(ctx, "id");
        HttpServerResponse response = ctx.response();
        codes.streamCodes(caller(ctx), batchId, CSV_CHUNK, chunk -> {
            if (!response.headWritten()) {
                response.setChunked(true)
                        .putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"codes-" + batchId + ".csv\"")
                        .write("serial,digital_link\r\n");
            }
            StringBuilder lines = new StringBuilder(chunk.size() * 80);
            for (DigitalLink link : chunk) {
                lines.append(link.serial().value()).append(',').append(link.uri(publicBaseUrl)).append("\r\n");
            }
            return response.write(lines.toString());
        }).onSuccess(done -> {
            if (!response.headWritten()) {
                response.putHeader("Content-Type", "text/csv; charset=utf-8").write("serial,digital_link\r\n");
            }
            response.end();
        }).onFailure(error -> {
            if (response.headWritten()) {
                response.reset();
            } else {
                ctx.fail(error);
            }
        });
    }

    private void labels(RoutingContext ctx) {
        QueryParams query = QueryParams.of(ctx, "from", "count");
        long batchId = PathIds.id(ctx, "id");
        long from = query.id("from") == null ? 1 : query.id("from");
        Long count = query.id("count");
        if (from < 1) {
            throw new Invalid("from", "is the 1-based position of the first label");
        }
        if (count != null && (count < 1 || count > MAX_LABELS_PER_PDF)) {
            throw new Invalid("count", "must be between 1 and " + MAX_LABELS_PER_PDF + " labels per sheet file");
        }
        codes.batch(caller(ctx), batchId).compose(batch -> {
            if (from > batch.count()) {
                return Future.failedFuture(new Invalid("from", "the batch has only " + batch.count() + " codes"));
            }
            long wanted = count != null ? count : batch.count() - from + 1;
            if (wanted > MAX_LABELS_PER_PDF) {
                return Future.failedFuture(new Invalid("count", "at most " + MAX_LABELS_PER_PDF
                        + " labels per sheet file; ask for ranges with from and count"));
            }
            return codes.labels(caller(ctx), batchId, (int) from, (int) wanted);
        }).compose(labels -> vertx.executeBlocking(() -> writeSheet(labels), false)).onSuccess(pdf ->
                ctx.response().putHeader("Content-Type", "application/pdf")
                        .putHeader("Content-Disposition", "attachment; filename=\"labels-" + batchId + ".pdf\"")
                        .sendFile(pdf.toString())
                        .onComplete(sent -> vertx.fileSystem().delete(pdf.toString())))
                .onFailure(ctx::fail);
    }

    private static Buffer render(String format, String link, int pixels, ErrorCorrection ec) {
        try {
            return format.equals("png") ? Buffer.buffer(QrCodes.png(link, pixels, ec)) : Buffer.buffer(QrCodes.svg(link, pixels, ec));
        } catch (IllegalArgumentException e) {
            throw new Invalid("size", "too small for this code at error correction " + ec + ": " + e.getMessage());
        }
    }

    private static Path writeSheet(List<Label> labels) throws Exception {
        Path font = LabelSheet.findCjkFont().orElseThrow(() -> new Problems.Unavailable(
                "no CJK font for label sheets on this server: install fonts-wqy-microhei (Debian) or set PLATEAU_CJK_FONT"));
        Path pdf = Files.createTempFile("plateau-labels", ".pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            LabelSheet.write(labels, font, out);
        }
        return pdf;
    }

    private JsonObject json(CodeBatch batch) {
        JsonArray first = new JsonArray();
        batch.first().forEach(link -> first.add(link.uri(publicBaseUrl)));
        return summary(batch).put("first", first);
    }

    /** A batch without its sample codes: how many, when, and where to download them. */
    private JsonObject summary(CodeBatch batch) {
        String self = "/api/v1/code-batches/" + batch.id();
        return new JsonObject().put("id", batch.id()).put("lotId", batch.lot().id()).put("count", batch.count())
                .put("gtin", batch.lot().gtin().value()).put("lotCode", batch.lot().lotCode().value())
                .put("createdAt", batch.createdAt().toString())
                .put("links", new JsonObject().put("self", self).put("csv", self + "/codes.csv")
                        .put("labels", self + "/labels.pdf"));
    }

    private static ErrorCorrection errorCorrection(String text) {
        try {
            return ErrorCorrection.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new Invalid("ec", "must be one of L, M, Q, H");
        }
    }
}
