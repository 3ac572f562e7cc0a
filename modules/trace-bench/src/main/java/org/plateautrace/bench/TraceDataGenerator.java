package org.plateautrace.bench;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.model.codes.Gtin;
import org.plateautrace.model.events.Commissioning;
import org.plateautrace.model.events.EventDocument;
import org.plateautrace.model.events.EventHash;
import org.plateautrace.model.events.QuantityElement;
import org.plateautrace.model.events.Recorder;
import org.plateautrace.model.events.SupplyChainEvent;
import org.plateautrace.model.events.SupplyChainEvent.PartyRef;
import org.plateautrace.model.ledger.HashChain;
import org.plateautrace.model.lots.LotCode;
import org.plateautrace.store.DatabaseSettings;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Data generator for the trace benchmark (not itself measured): independent genealogy trees written
 * straight into the real tables with COPY (no constraint or trigger disabled), with valid foreign keys and the same
 * row shapes the server writes. Each tree: harvest lots at level 0; at each of {@link #LEVELS} levels
 * a TransformationEvent combines 2 or 3 lots of the level below into one output lot. Every lot has its
 * creating event (commissioning ObjectEvent with ILMD, or the TransformationEvent) and a storing event;
 * each top lot is shipped to a retailer, received and sold five times. Events carry their canonical
 * EPCIS document as content, the server's content-hash eventID and a real SHA-256 chain continuing
 * the existing one; holdings, shipments, lot links, quantity and party rows are written too.
 */
final class TraceDataGenerator {
    static final int LEVELS = 6;
    private static final ZoneOffset CST = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final String[] PROCESS = {null, "萎凋-揉捻", "发酵", "干燥", "精制筛分", "拼配", "包装"};
    private static final BigDecimal[] YIELD = {null, new BigDecimal("0.25"), new BigDecimal("0.95"), new BigDecimal("0.9"),
            new BigDecimal("0.92"), new BigDecimal("0.98"), new BigDecimal("0.99")};
    private static final int SALES_PER_TOP_LOT = 5;
    private static final String[] CHANNELS = {"direct_store", "supermarket", "ecommerce", "livestream", "wholesale"};
    private static final int FLUSH = 1 << 20;

    /** The registry rows made through the API that the generated rows point at. */
    record Registry(long owner, long retailer, long farm, long plant, long shop, long leafProduct, String leafGtin,
                    long teaProduct, String teaGtin) {
    }

    /** What was generated. */
    record DataSet(int trees, long lots, long links, long events, long quantities, long shipments, long holdings,
                   long eventParties, List<Long> topLots, List<Long> harvestLots, double copySeconds, Map<String, Double> phases) {
    }

    private record LotRef(long id, String epcClass, BigDecimal quantity, long time) {
    }

    private final Registry registry;
    private final Random random;
    private final long now = Instant.now().getEpochSecond();

    private final StringBuilder lots = new StringBuilder(FLUSH + 16_384);
    private final StringBuilder quantities = new StringBuilder();
    private final StringBuilder links = new StringBuilder();
    private final StringBuilder holdings = new StringBuilder();
    private final StringBuilder shipments = new StringBuilder();
    private final StringBuilder parties = new StringBuilder();
    private final StringBuilder events = new StringBuilder(FLUSH + 16_384);
    private CopyStream eventCopy;
    private CopyStream lotCopy;

    private long nextLot;
    private long nextEvent;
    private long nextShipment;
    private long seq;
    private byte[] previous;
    private long lotCount;
    private long linkCount;
    private long eventCount;
    private long quantityCount;
    private long shipmentCount;
    private long holdingCount;
    private long partyCount;
    private final List<Long> topLots = new ArrayList<>();
    private final List<Long> harvestLots = new ArrayList<>();
    private final Map<String, Double> phases = new LinkedHashMap<>();

    private TraceDataGenerator(Registry registry, long seed) {
        this.registry = registry;
        this.random = new Random(seed);
    }

    /**
     * Writes whole trees until at least {@code targetEvents} events are generated. Events and lots are
     * streamed by COPY on two connections while they are generated; once both are committed, the rows
     * that point at them (quantities, links, holdings, shipments, parties) are copied on two more.
     */
    static DataSet generate(DatabaseSettings db, Registry registry, long targetEvents, long seed) throws Exception {
        return new TraceDataGenerator(registry, seed).run(db, targetEvents);
    }

    private static Connection open(DatabaseSettings db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private DataSet run(DatabaseSettings db, long targetEvents) throws Exception {
        long start = System.nanoTime();
        int trees = 0;
        try (Connection eventConnection = open(db); Connection lotConnection = open(db)) {
            eventConnection.setAutoCommit(false);
            lotConnection.setAutoCommit(false);
            try (Statement s = eventConnection.createStatement()) {
                nextLot = single(s, "SELECT nextval('lot_id_seq')") + 1;
                nextEvent = single(s, "SELECT nextval('event_id_seq')") + 1;
                nextShipment = single(s, "SELECT nextval('shipment_id_seq')") + 1;
                try (ResultSet last = s.executeQuery("SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1")) {
                    if (last.next()) {
                        seq = last.getLong(1);
                        previous = last.getBytes(2);
                    }
                }
            }
            eventCopy = new CopyStream(eventConnection, "COPY event (id, event_id, event_type, action, biz_step, disposition, "
                    + "event_time, event_time_zone_offset, read_point, biz_location, party_id, ilmd, details, seq, content, prev_hash, "
                    + "hash) FROM STDIN", events);
            lotCopy = new CopyStream(lotConnection, "COPY lot (id, party_id, product_id, site_id, lot_code, quantity, unit, "
                    + "harvested_at, harvest_utc_offset, attributes, origin) FROM STDIN", lots);
            try {
                while (eventCount < targetEvents) {
                    tree();
                    trees++;
                }
                eventCopy.end();
                lotCopy.end();
            } catch (Exception e) {
                eventCopy.cancel();
                lotCopy.cancel();
                throw e;
            }
            try (Statement s = eventConnection.createStatement()) {
                s.execute("SELECT setval('lot_id_seq', " + (nextLot - 1) + ")");
                s.execute("SELECT setval('event_id_seq', " + (nextEvent - 1) + ")");
                s.execute("SELECT setval('shipment_id_seq', " + (nextShipment - 1) + ")");
            }
            eventConnection.commit();
            lotConnection.commit();
        }
        phases.put("events and lots (generate + COPY)", (System.nanoTime() - start) / 1e9);
        phases.put("of which blocked on COPY writes", (eventCopy.blockedNanos + lotCopy.blockedNanos) / 1e9);
        long second = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> copyAll(db, List.of(
                    Map.entry("COPY event_quantity (event_pk, list, epc_class, quantity, uom, lot_id) FROM STDIN", quantities))));
            Future<?> b = pool.submit(() -> copyAll(db, List.of(
                    Map.entry("COPY lot_link (input_lot_id, output_lot_id, event_pk, quantity) FROM STDIN", links),
                    Map.entry("COPY holding (lot_id, party_id, quantity) FROM STDIN", holdings),
                    Map.entry("COPY shipment (id, lot_id, quantity, from_party_id, from_site_id, to_party_id, to_site_id, "
                            + "carrier_party_id, shipped_event_pk, shipped_at, received_event_pk, received_at) FROM STDIN", shipments),
                    Map.entry("COPY event_party (event_pk, list, type, id) FROM STDIN", parties))));
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        phases.put("quantities, links, holdings, shipments, parties (COPY, two connections)", (System.nanoTime() - second) / 1e9);
        return new DataSet(trees, lotCount, linkCount, eventCount, quantityCount, shipmentCount, holdingCount, partyCount,
                topLots, harvestLots, (System.nanoTime() - start) / 1e9, phases);
    }

    private static Void copyAll(DatabaseSettings db, List<Map.Entry<String, StringBuilder>> tables) throws Exception {
        try (Connection c = open(db)) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (Map.Entry<String, StringBuilder> table : tables) {
                copy.copyIn(table.getKey(), new java.io.StringReader(table.getValue().toString()));
                table.getValue().setLength(0);
                table.getValue().trimToSize();
            }
        }
        return null;
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A COPY FROM STDIN fed in chunks of about 1 MB as rows are appended to its buffer. */
    private static final class CopyStream {
        private final CopyIn copy;
        private final StringBuilder rows;
        private long blockedNanos;

        CopyStream(Connection c, String sql, StringBuilder rows) throws SQLException {
            this.copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            this.rows = rows;
        }

        void flush(boolean always) throws SQLException {
            if (rows.length() >= FLUSH || (always && rows.length() > 0)) {
                byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                long start = System.nanoTime();
                copy.writeToCopy(bytes, 0, bytes.length);
                blockedNanos += System.nanoTime() - start;
                rows.setLength(0);
            }
        }

        void end() throws SQLException {
            flush(true);
            long start = System.nanoTime();
            copy.endCopy();
            blockedNanos += System.nanoTime() - start;
        }

        void cancel() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException ignored) {
                // the connection is closed next
            }
        }
    }

    /** One tree: harvests up to a top lot, then that lot shipped to the retailer, received and sold. */
    private void tree() throws Exception {
        long startDay = now - 40L * 86_400 - random.nextInt(700) * 86_400L;
        long start = startDay - startDay % 86_400;   // midnight UTC = 08:00 +08:00
        LotRef top = lot(LEVELS, start);
        topLots.add(top.id());
        BigDecimal shipped = top.quantity().multiply(new BigDecimal("0.8")).setScale(3, RoundingMode.DOWN);
        long shipmentId = nextShipment++;
        long shippedAt = top.time() + 86_400 + random.nextInt(3600);
        String plant = Commissioning.siteUri(registry.plant());
        String shop = Commissioning.siteUri(registry.shop());
        String owner = Recorder.partyUri(registry.owner());
        String retailer = Recorder.partyUri(registry.retailer());
        Map<String, Object> shipDetails = new LinkedHashMap<>();
        shipDetails.put("shipmentId", shipmentId);
        long shipPk = event(registry.owner(), new SupplyChainEvent("ObjectEvent", "OBSERVE", "shipping", "in_transit", time(shippedAt),
                plant, null, List.of(new QuantityElement(top.epcClass(), shipped, "KGM")), null, null,
                List.of(new PartyRef("owning_party", owner), new PartyRef("location", plant)),
                List.of(new PartyRef("owning_party", retailer), new PartyRef("location", shop)), null, shipDetails), top.id());
        long receivedAt = shippedAt + 86_400 + random.nextInt(3600);
        long receivePk = event(registry.retailer(), new SupplyChainEvent("ObjectEvent", "OBSERVE", "receiving", "in_progress",
                time(receivedAt), shop, shop, List.of(new QuantityElement(top.epcClass(), shipped, "KGM")), null, null,
                List.of(new PartyRef("owning_party", owner)),
                List.of(new PartyRef("owning_party", retailer), new PartyRef("location", shop)), null, shipDetails), top.id());
        shipments.append(shipmentId).append('\t').append(top.id()).append('\t').append(shipped.toPlainString()).append('\t')
                .append(registry.owner()).append('\t').append(registry.plant()).append('\t').append(registry.retailer()).append('\t')
                .append(registry.shop()).append("\t\\N\t").append(shipPk).append('\t').append(iso(shippedAt)).append('\t')
                .append(receivePk).append('\t').append(iso(receivedAt)).append('\n');
        shipmentCount++;
        BigDecimal sold = BigDecimal.ZERO;
        for (int i = 0; i < SALES_PER_TOP_LOT; i++) {
            BigDecimal amount = BigDecimal.valueOf(500 + random.nextInt(4500), 3);
            sold = sold.add(amount);
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            event(registry.retailer(), new SupplyChainEvent("ObjectEvent", "OBSERVE", "retail_selling", "retail_sold",
                    time(receivedAt + (i + 1) * 86_400L + random.nextInt(3600)), shop, shop,
                    List.of(new QuantityElement(top.epcClass(), amount, "KGM")), null, null,
                    List.of(new PartyRef("owning_party", retailer)), null, null, Map.of("channel", channel)), top.id());
        }
        holding(top.id(), registry.owner(), top.quantity().subtract(shipped));
        holding(top.id(), registry.retailer(), shipped.subtract(sold));
    }

    /** A lot of the given level with everything below it; answers it. */
    private LotRef lot(int level, long treeStart) throws Exception {
        if (level == 0) {
            return harvest(treeStart);
        }
        int fanIn = 2 + random.nextInt(2);
        List<LotRef> inputs = new ArrayList<>(fanIn);
        long latest = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < fanIn; i++) {
            LotRef input = lot(level - 1, treeStart);
            inputs.add(input);
            latest = Math.max(latest, input.time());
            total = total.add(input.quantity());
        }
        long time = latest + 86_400 + random.nextInt(4 * 3600);
        BigDecimal quantity = total.multiply(YIELD[level]).setScale(3, RoundingMode.DOWN);
        long id = nextLot++;
        String code = lotCode(time);
        String epcClass = DigitalLink.forLot(DigitalLink.CANONICAL_BASE, new Gtin(registry.teaGtin()), new LotCode(code));
        String plant = Commissioning.siteUri(registry.plant());
        lotRow(id, registry.teaProduct(), registry.plant(), code, quantity, time, "{}", "processing");
        List<QuantityElement> in = new ArrayList<>(fanIn);
        for (LotRef input : inputs) {
            in.add(new QuantityElement(input.epcClass(), input.quantity(), "KGM"));
        }
        long pk = event(registry.owner(), new SupplyChainEvent("TransformationEvent", null, "commissioning", "active", time(time),
                plant, plant, List.of(), in, List.of(new QuantityElement(epcClass, quantity, "KGM")), null, null, null,
                Map.of("process", PROCESS[level])), null);
        for (LotRef input : inputs) {
            quantity(pk, "input", input.epcClass(), input.quantity(), input.id());
            links.append(input.id()).append('\t').append(id).append('\t').append(pk).append('\t')
                    .append(input.quantity().toPlainString()).append('\n');
            linkCount++;
            holding(input.id(), registry.owner(), BigDecimal.ZERO);   // consumed whole
        }
        quantity(pk, "output", epcClass, quantity, id);
        storing(id, epcClass, quantity, time + 2 * 3600);
        return new LotRef(id, epcClass, quantity, time + 2 * 3600);
    }

    private LotRef harvest(long treeStart) throws Exception {
        long time = treeStart + random.nextInt(10 * 3600);
        BigDecimal quantity = BigDecimal.valueOf(100_000 + random.nextInt(900_000), 3);
        long id = nextLot++;
        String code = lotCode(time);
        String epcClass = DigitalLink.forLot(DigitalLink.CANONICAL_BASE, new Gtin(registry.leafGtin()), new LotCode(code));
        String plot = "易贡茶园 " + (1 + random.nextInt(12)) + " 号片区";
        String grade = random.nextBoolean() ? "one_bud_one_leaf" : "one_bud_two_leaves";
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("gardenPlot", plot);
        attributes.put("teaType", "black");
        attributes.put("pickingGrade", grade);
        lotRow(id, registry.leafProduct(), registry.farm(), code, quantity, time, new JsonObject(attributes).encode(), "harvest");
        Map<String, Object> ilmd = new LinkedHashMap<>();
        ilmd.put("harvestDate", time(time).toLocalDate().toString());
        ilmd.putAll(attributes);
        String farm = Commissioning.siteUri(registry.farm());
        event(registry.owner(), new SupplyChainEvent("ObjectEvent", "ADD", "commissioning", "active", time(time), farm, farm,
                List.of(new QuantityElement(epcClass, quantity, "KGM")), ilmd), id);
        storing(id, epcClass, quantity, time + 3 * 3600);
        harvestLots.add(id);
        return new LotRef(id, epcClass, quantity, time + 3 * 3600);
    }

    private void storing(long lotId, String epcClass, BigDecimal quantity, long time) throws Exception {
        String plant = Commissioning.siteUri(registry.plant());
        event(registry.owner(), new SupplyChainEvent("ObjectEvent", "OBSERVE", "storing", "in_progress", time(time), plant, plant,
                List.of(new QuantityElement(epcClass, quantity, "KGM")), Map.of()), lotId);
    }

    /**
     * Appends one event row (content, eventID, chain) and, when {@code lotId} is given, the rows of its
     * quantity list and its sources and destinations. Answers its primary key.
     */
    private long event(long partyId, SupplyChainEvent event, Long lotId) throws Exception {
        long pk = nextEvent++;
        String eventId = EventHash.of(event);
        String content = EventDocument.canonical(eventId, event);
        byte[] hash = HashChain.next(previous, content);
        StringBuilder e = events;
        e.append(pk).append('\t');
        text(e, eventId).append('\t').append(event.eventType()).append('\t');
        nullable(e, event.action()).append('\t');
        nullable(e, event.bizStep()).append('\t');
        nullable(e, event.disposition()).append('\t');
        e.append(ISO.format(event.eventTime())).append('\t').append(event.eventTimeZoneOffset()).append('\t');
        nullable(e, event.readPoint()).append('\t');
        nullable(e, event.bizLocation()).append('\t');
        e.append(partyId).append('\t');
        nullable(e, event.ilmd().isEmpty() ? null : new JsonObject(event.ilmd()).encode()).append('\t');
        nullable(e, event.details().isEmpty() ? null : new JsonObject(event.details()).encode()).append('\t');
        e.append(++seq).append('\t');
        text(e, content).append('\t');
        if (previous == null) {
            e.append("\\N");
        } else {
            e.append("\\\\x").append(HexFormat.of().formatHex(previous));
        }
        e.append("\t\\\\x").append(HexFormat.of().formatHex(hash)).append('\n');
        previous = hash;
        eventCount++;
        if (lotId != null) {
            for (QuantityElement q : event.quantityList()) {
                quantity(pk, "quantity", q.epcClass(), q.quantity(), lotId);
            }
            for (PartyRef ref : event.sourceList()) {
                parties.append(pk).append("\tsource\t").append(ref.type()).append('\t').append(ref.id()).append('\n');
                partyCount++;
            }
            for (PartyRef ref : event.destinationList()) {
                parties.append(pk).append("\tdestination\t").append(ref.type()).append('\t').append(ref.id()).append('\n');
                partyCount++;
            }
        }
        eventCopy.flush(false);
        return pk;
    }

    private void quantity(long pk, String list, String epcClass, BigDecimal quantity, long lotId) {
        quantities.append(pk).append('\t').append(list).append('\t').append(epcClass).append('\t')
                .append(quantity.toPlainString()).append("\tKGM\t").append(lotId).append('\n');
        quantityCount++;
    }

    private void holding(long lotId, long partyId, BigDecimal quantity) {
        holdings.append(lotId).append('\t').append(partyId).append('\t').append(quantity.toPlainString()).append('\n');
        holdingCount++;
    }

    private void lotRow(long id, long product, long site, String code, BigDecimal quantity, long time, String attributes,
                        String origin) throws SQLException {
        lots.append(id).append('\t').append(registry.owner()).append('\t').append(product).append('\t').append(site).append('\t')
                .append(code).append('\t').append(quantity.toPlainString()).append("\tkg\t").append(iso(time)).append("\t+08:00\t");
        text(lots, attributes).append('\t').append(origin).append('\n');
        lotCount++;
        lotCopy.flush(false);
    }

    /** TEA-yyMMdd-XXXXX with a five-character counter in the readable alphabet: unique for both products. */
    private String lotCode(long time) {
        long n = lotCount;
        char[] suffix = new char[5];
        for (int i = 4; i >= 0; i--) {
            suffix[i] = LotCode.READABLE.charAt((int) (n % 32));
            n /= 32;
        }
        return "TEA-" + YYMMDD.format(time(time)) + "-" + new String(suffix);
    }

    private static OffsetDateTime time(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), CST);
    }

    private static String iso(long epochSecond) {
        return ISO.format(time(epochSecond));
    }

    private static StringBuilder nullable(StringBuilder out, String value) {
        return value == null ? out.append("\\N") : text(out, value);
    }

    /** A value in COPY text format. */
    private static StringBuilder text(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }
}
