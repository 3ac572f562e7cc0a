package org.plateautrace.service.lots;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.Page;
import org.plateautrace.model.PageRequest;
import org.plateautrace.model.events.Commissioning;
import org.plateautrace.model.events.EventHash;
import org.plateautrace.model.events.Recording.ItemError;
import org.plateautrace.model.events.StoredEvent;
import org.plateautrace.model.events.SupplyChainEvent;
import org.plateautrace.model.lots.CommodityProfile;
import org.plateautrace.model.lots.CommodityProfiles;
import org.plateautrace.model.lots.Harvest;
import org.plateautrace.model.lots.Lot;
import org.plateautrace.model.lots.LotFilter;
import org.plateautrace.model.lots.LotCode;
import org.plateautrace.model.registry.Product;
import org.plateautrace.model.registry.Site;
import org.plateautrace.service.Access;
import org.plateautrace.service.BatchRefused;
import org.plateautrace.service.Refusal.Conflict;
import org.plateautrace.service.Refusal.Denied;
import org.plateautrace.service.Refusal.NotFound;
import org.plateautrace.service.auth.Caller;
import org.plateautrace.store.UniqueViolation;
import org.plateautrace.store.events.EventRepository;
import org.plateautrace.store.lots.LotRepository;
import org.plateautrace.store.registry.ProductRepository;
import org.plateautrace.store.registry.SiteRepository;

/** Harvest lots: registration (with its commissioning event), reading and listing. */
public final class LotService {
    /** A generated lot code that collides is drawn again this many times before giving up. */
    private static final int CODE_ATTEMPTS = 5;

    private final Pool pool;
    private final Clock clock;
    private final LotRepository lots;
    private final ProductRepository products;
    private final SiteRepository sites;
    private final EventRepository events = new EventRepository();

    public LotService(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
        this.lots = new LotRepository(pool);
        this.products = new ProductRepository(pool);
        this.sites = new SiteRepository(pool);
    }

    /**
     * Registers a harvest of one of the caller's products at one of its sites. The lot and its
     * commissioning event (ObjectEvent ADD, ILMD = the attributes) are written in one transaction.
     */
    public Future<Lot> register(Caller caller, Harvest harvest) {
        long party = caller.writingParty();
        Future<Product> product = products.find(harvest.productId())
                .map(found -> Access.ownReference(found, Product::partyId, party, "productId", harvest.productId()));
        Future<Site> site = sites.find(harvest.siteId())
                .map(found -> Access.ownReference(found, Site::partyId, party, "siteId", harvest.siteId()));
        return Future.all(product, site).compose(both -> {
            CommodityProfile profile = CommodityProfiles.require(product.result().info().commodity());
            Harvest checked = harvest.checkedAgainst(profile, clock.instant());
            return insert(party, product.result(), profile, checked, CODE_ATTEMPTS);
        });
    }

    /**
     * Registers several harvests all or nothing (e.g. an import): each is checked as {@link #register} does,
     * then all are written in one transaction. When any is refused nothing is written, and the
     * {@link BatchRefused} lists every refusal under {@code lots[i].<field>}: a lot code the product already
     * uses, or that an earlier harvest of the batch gives, is 409 {@code lots[i].lotCode}.
     */
    public Future<List<Lot>> registerAll(Caller caller, List<Harvest> harvests) {
        long party = caller.writingParty();
        if (harvests.isEmpty() || harvests.size() > MAX_BATCH) {
            return Future.failedFuture(new Invalid("lots", "1 to " + MAX_BATCH + " lots per batch"));
        }
        List<Future<Checked>> checks = new ArrayList<>();
        for (int i = 0; i < harvests.size(); i++) {
            int index = i;
            Harvest harvest = harvests.get(i);
            checks.add(products.find(harvest.productId())
                    .map(found -> Access.ownReference(found, Product::partyId, party, "productId", harvest.productId()))
                    .compose(product -> sites.find(harvest.siteId()).map(found -> {
                        Access.ownReference(found, Site::partyId, party, "siteId", harvest.siteId());
                        CommodityProfile profile = CommodityProfiles.require(product.info().commodity());
                        Harvest checked = harvest.checkedAgainst(profile, clock.instant());
                        return checked.lotCode() != null ? new Checked(index, product, checked, checked.lotCode(), null)
                                : new Checked(index, product, checked, null, profile.lotPrefix()).drawnAgain();
                    })));
        }
        return Future.join(checks).transform(all -> {
            List<ItemError> errors = new ArrayList<>();
            List<Checked> batch = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                if (checks.get(i).failed()) {
                    errors.add(BatchRefused.itemError(i, "lots[" + i + "]", checks.get(i).cause()));
                } else {
                    batch.add(checks.get(i).result());
                }
            }
            return pool.withTransaction(tx -> distinctCodes(tx, batch, CODE_ATTEMPTS)
                    .compose(drawn -> givenCodesTaken(tx, drawn).compose(taken -> {
                        errors.addAll(taken);
                        if (!errors.isEmpty()) {
                            errors.sort(Comparator.comparingInt(ItemError::index));
                            return Future.failedFuture(new BatchRefused("lots", harvests.size(), errors));
                        }
                        return writeAll(tx, party, drawn);
                    })));
        });
    }

    /** The harvests one after the other; a lot code taken meanwhile by another request is 409 {@code lots[i].lotCode}. */
    private Future<List<Lot>> writeAll(SqlConnection tx, long party, List<Checked> batch) {
        Future<List<Lot>> chain = Future.succeededFuture(new ArrayList<>());
        for (Checked c : batch) {
            chain = chain.compose(done -> write(tx, party, c.product(), c.code(), c.harvest())
                    .recover(error -> Future.failedFuture(UniqueViolation.on(error, LotRepository.CODE_UNIQUE)
                            ? new Conflict("lots[" + c.index() + "].lotCode", codeUsed(c)) : error))
                    .map(lot -> {
                        done.add(lot);
                        return done;
                    }));
        }
        return chain;
    }

    /** A 409 for each lot code given in the batch that the product already uses, or that an earlier item gives. */
    private Future<List<ItemError>> givenCodesTaken(SqlConnection tx, List<Checked> batch) {
        List<Checked> given = batch.stream().filter(c -> !c.generated()).toList();
        if (given.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return lots.codesTaken(tx, given.stream().map(c -> c.product().id()).toList(), given.stream().map(c -> c.code().value()).toList())
                .map(taken -> {
                    List<ItemError> errors = new ArrayList<>();
                    Map<String, Integer> first = new HashMap<>();
                    for (Checked c : given) {
                        Integer earlier = first.putIfAbsent(c.key(), c.index());
                        String detail = taken.contains(c.key()) ? codeUsed(c)
                                : earlier != null ? "lot code " + c.code().value() + " is also given by lots[" + earlier + "]" : null;
                        if (detail != null) {
                            errors.add(new ItemError(c.index(), 409, "lots[" + c.index() + "].lotCode", detail));
                        }
                    }
                    return errors;
                });
    }

    private static String codeUsed(Checked c) {
        return "lot code " + c.code().value() + " is already used for GTIN " + c.product().info().gtin();
    }

    /**
     * The batch with its generated lot codes drawn again where one repeats another of the batch or one
     * the product already uses (a thousand harvests of one day would otherwise clash about a third of the
     * time); codes the party gave are kept as they are ({@link #givenCodesTaken} refuses those already used).
     */
    private Future<List<Checked>> distinctCodes(SqlConnection tx, List<Checked> batch, int attempts) {
        Set<String> seen = new HashSet<>();
        List<Checked> drawn = new ArrayList<>(batch.size());
        for (Checked c : batch) {
            Checked d = c;
            while (!seen.add(d.key()) && d.generated()) {
                d = d.drawnAgain();
            }
            drawn.add(d);
        }
        List<Checked> generated = drawn.stream().filter(Checked::generated).toList();
        if (generated.isEmpty()) {
            return Future.succeededFuture(drawn);
        }
        return lots.codesTaken(tx, generated.stream().map(c -> c.product().id()).toList(),
                generated.stream().map(c -> c.code().value()).toList()).compose(taken -> {
                    if (taken.isEmpty() || attempts <= 1) {
                        return Future.succeededFuture(drawn);
                    }
                    return distinctCodes(tx, drawn.stream().map(c -> c.generated() && taken.contains(c.key()) ? c.drawnAgain() : c)
                            .toList(), attempts - 1);
                });
    }

    /** Harvests one batch may register. */
    public static final int MAX_BATCH = 1_000;

    /** A checked harvest with its lot code; {@code prefix} is set when the code is generated (and may be drawn again). */
    private record Checked(int index, Product product, Harvest harvest, LotCode code, String prefix) {
        boolean generated() {
            return prefix != null;
        }

        Checked drawnAgain() {
            return new Checked(index, product, harvest, LotCode.generate(prefix, harvest.harvestedAt().toLocalDate()), prefix);
        }

        String key() {
            return product.id() + "/" + code.value();
        }
    }

    private Future<Lot> write(SqlConnection tx, long party, Product product, LotCode code, Harvest harvest) {
        return lots.insert(tx, party, product.info().gtin(), code, harvest).compose(lot -> {
            SupplyChainEvent event = Commissioning.of(lot);
            return lots.holding(tx, lot.id(), party, lot.harvest().quantity().value())
                    .compose(held -> events.append(tx, List.of(new EventRepository.NewEvent(EventHash.of(event), party,
                            event, Map.of(Commissioning.lotClass(lot), lot.id())))))
                    .map(lot);
        });
    }

    private Future<Lot> insert(long party, Product product, CommodityProfile profile, Harvest harvest, int attempts) {
        boolean generated = harvest.lotCode() == null;
        LotCode code = generated ? LotCode.generate(profile.lotPrefix(), harvest.harvestedAt().toLocalDate()) : harvest.lotCode();
        return pool.withTransaction(tx -> write(tx, party, product, code, harvest))
                .recover(error -> {
                    if (!UniqueViolation.on(error, LotRepository.CODE_UNIQUE)) {
                        return Future.failedFuture(error);
                    }
                    if (generated && attempts > 1) {
                        return insert(party, product, profile, harvest, attempts - 1);
                    }
                    return Future.failedFuture(new Conflict("lotCode", "lot code " + code + " is already used for GTIN "
                            + product.info().gtin()));
                });
    }

    /** A lot its owner, a party that held it, or a regulator may read. */
    public Future<Lot> lot(Caller caller, long id) {
        return lots.find(id).compose(found -> {
            Lot lot = found.orElseThrow(() -> new NotFound("no such lot"));
            if (caller.canRead(lot.partyId())) {
                return Future.succeededFuture(lot);
            }
            return lots.everHeld(id, caller.partyId()).map(held -> {
                if (!held) {
                    throw new Denied(null, "this lot belongs to another party and never was in your custody");
                }
                return lot;
            });
        });
    }

    public Future<Page<Lot>> list(Caller caller, LotFilter filter, PageRequest page) {
        return lots.list(filter.forParty(caller.visibleParty(filter.partyId())), page);
    }

    /** The lot's events (so far: its commissioning), oldest first. */
    public Future<List<StoredEvent>> events(Caller caller, long lotId) {
        return lot(caller, lotId).compose(lot -> events.forLot(pool, lot.id()));
    }
}
