package org.plateautrace.service.codes;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.model.codes.Serial;
import org.plateautrace.model.lots.Lot;
import org.plateautrace.model.lots.PackBounds;
import org.plateautrace.model.registry.Product;
import org.plateautrace.qr.Label;
import org.plateautrace.service.Refusal.Denied;
import org.plateautrace.service.Refusal.NotFound;
import org.plateautrace.service.auth.Caller;
import org.plateautrace.service.lots.LotService;
import org.plateautrace.store.UniqueViolation;
import org.plateautrace.store.codes.CodeRepository;
import org.plateautrace.store.codes.CodeRepository.BatchRow;
import org.plateautrace.store.codes.CodeRepository.CodeRow;
import org.plateautrace.store.registry.ProductRepository;

/** Serialised pack codes: issuing them for a lot, and reading them back for printing. Owner only. */
public final class CodeService {
    public static final int MAX_PER_REQUEST = 100_000;
    /** A lot's batch list names at most this many, newest first. */
    public static final int MAX_LISTED_BATCHES = 1_000;
    /** How many codes a batch answer shows as a sample. */
    public static final int SAMPLE = 10;
    /** A serial collision (about 2^-65 per pair) makes the whole batch draw again; twice is plenty. */
    private static final int ATTEMPTS = 3;

    private final Vertx vertx;
    private final Pool pool;
    private final SecureRandom random = new SecureRandom();
    private final CodeRepository codes;
    private final ProductRepository products;
    private final LotService lots;
    private final PackBounds bounds;
    private final String publicBase;

    public CodeService(Vertx vertx, Pool pool, LotService lots, PackBounds bounds, String publicBase) {
        this.vertx = vertx;
        this.pool = pool;
        this.publicBase = publicBase;
        this.lots = lots;
        this.bounds = bounds;
        this.codes = new CodeRepository(pool);
        this.products = new ProductRepository(pool);
    }

    /** Issues {@code count} new pack codes for the caller's lot in one transaction. */
    public Future<CodeBatch> issue(Caller caller, long lotId, int count) {
        if (count < 1 || count > MAX_PER_REQUEST) {
            throw new Invalid("count", "must be between 1 and " + MAX_PER_REQUEST + " per request");
        }
        return ownLot(caller, lotId).compose(lot -> issue(lot, count, ATTEMPTS));
    }

    /** Draws the serials on a worker thread (100,000 secure random draws would hold up the event loop). */
    private Future<CodeBatch> issue(Lot lot, int count, int attempts) {
        return vertx.executeBlocking(() -> freshSerials(count), false).compose(serials -> issue(lot, serials, attempts));
    }

    private Future<CodeBatch> issue(Lot lot, List<Serial> serials, int attempts) {
        int count = serials.size();
        long max = bounds.maxCodes(lot.harvest().quantity());
        return pool.withTransaction(tx -> codes.lockLot(tx, lot.id())
                        .compose(locked -> codes.issuedForLot(tx, lot.id()))
                        .compose(issued -> {
                            if (issued + count > max) {
                                return Future.failedFuture(new Invalid("count", "lot " + lot.lotCode() + " ("
                                        + lot.harvest().quantity().value().toPlainString() + " " + lot.harvest().quantity().unit().code()
                                        + ") can carry at most " + max + " pack codes; " + issued + " are issued, so at most "
                                        + Math.max(0, max - issued) + " more"));
                            }
                            return codes.insertBatch(tx, lot.id(), lot.partyId(), lot.gtin(), serials);
                        }))
                .map(batch -> new CodeBatch(batch.id(), lot, batch.count(), batch.createdAt(),
                        serials.subList(0, Math.min(SAMPLE, count)).stream().map(serial -> link(lot, serial)).toList()))
                .recover(error -> UniqueViolation.on(error, CodeRepository.SERIAL_UNIQUE) && attempts > 1
                        ? issue(lot, count, attempts - 1) : Future.failedFuture(error));
    }

    public Future<CodeBatch> batch(Caller caller, long batchId) {
        return ownBatch(caller, batchId).compose(row -> lots.lot(caller, row.lotId())
                .compose(lot -> codes.codes(batchId, 1, SAMPLE).map(sample -> new CodeBatch(row.id(), lot, row.count(),
                        row.createdAt(), sample.stream().map(code -> link(lot, new Serial(code.serial()))).toList()))));
    }

    /** The lot's code batches (without sample codes), newest first; like the codes themselves, the owner's only. */
    public Future<List<CodeBatch>> batches(Caller caller, long lotId) {
        return ownLot(caller, lotId).compose(lot -> codes.batchesOfLot(lotId, MAX_LISTED_BATCHES).map(rows -> rows.stream()
                .map(row -> new CodeBatch(row.id(), lot, row.count(), row.createdAt(), List.of())).toList()));
    }

    /** Streams the batch's codes in print order, a chunk at a time, to {@code sink}. */
    public Future<Void> streamCodes(Caller caller, long batchId, int chunk, Function<List<DigitalLink>, Future<Void>> sink) {
        return batch(caller, batchId).compose(batch -> codes.streamCodes(batchId, chunk, rows ->
                sink.apply(rows.stream().map(row -> link(batch.lot(), new Serial(row.serial()))).toList())));
    }

    /** Labels for codes {@code from} .. {@code from + count - 1} (1-based print order) of a batch. */
    public Future<List<Label>> labels(Caller caller, long batchId, int from, int count) {
        return batch(caller, batchId).compose(batch -> products.find(batch.lot().harvest().productId())
                .compose(product -> codes.codes(batchId, from, count).map(rows -> {
                    Product item = product.orElseThrow();
                    List<Label> labels = new ArrayList<>(rows.size());
                    for (CodeRow row : rows) {
                        Serial serial = new Serial(row.serial());
                        labels.add(new Label(link(batch.lot(), serial).uri(publicBase), item.info().name().zh(),
                                item.info().name().en(), item.info().brand(), batch.lot().lotCode().value(), serial.value()));
                    }
                    return labels;
                })));
    }

    private Future<Lot> ownLot(Caller caller, long lotId) {
        return lots.lot(caller, lotId).map(lot -> {
            if (caller.partyId() == null || lot.partyId() != caller.partyId()) {
                throw new Denied(null, "only the lot's owner may issue or download its codes");
            }
            return lot;
        });
    }

    private Future<BatchRow> ownBatch(Caller caller, long batchId) {
        return codes.findBatch(batchId).map(found -> {
            BatchRow batch = found.orElseThrow(() -> new NotFound("no such code batch"));
            if (caller.partyId() == null || batch.partyId() != caller.partyId()) {
                throw new Denied(null, "only the lot's owner may issue or download its codes");
            }
            return batch;
        });
    }

    private List<Serial> freshSerials(int count) {
        Set<String> seen = new HashSet<>(count * 2);
        List<Serial> serials = new ArrayList<>(count);
        while (serials.size() < count) {
            Serial serial = Serial.generate(random);
            if (seen.add(serial.value())) {
                serials.add(serial);
            }
        }
        return serials;
    }

    private static DigitalLink link(Lot lot, Serial serial) {
        return DigitalLink.of(lot.gtin(), lot.lotCode(), serial);
    }
}
