package org.plateautrace.server.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.plateautrace.model.lots.AttributeType;
import org.plateautrace.model.lots.CommodityProfiles;

/**
 * Imports a CSV of harvest registrations ({@code config/templates/harvests.csv}): one lot per row,
 * columns {@code lot_code, product_id, site_id, harvested_at, quantity, unit} and one {@code attr.<name>}
 * column per commodity attribute. The lot code is the row's identity: a row whose lot code the party
 * already registered with the same harvest is reported as already there and stored nothing; with another
 * harvest it is refused. Rows go in batches ({@code POST /api/v1/lots {"lots": [...]}}, one transaction each):
 * 100 at a time, the refused rows (the answer lists them all) taken out and the rest sent again; with
 * {@code --atomic} all in one, and when the server refuses any, every refused row is reported and none stored.
 */
final class HarvestImport {
    /** Harvests one --atomic import may hold (one transaction, {@code POST /api/v1/lots} batch limit). */
    static final int ATOMIC_LIMIT = 1_000;
    private static final String ATTRIBUTE = "attr.";
    private static final Map<String, String> COLUMNS = Map.of("lotCode", "lot_code", "productId", "product_id",
            "siteId", "site_id", "harvestedAt", "harvested_at", "quantity.value", "quantity", "quantity.unit", "unit",
            "quantity", "quantity");
    private static final Set<String> NUMERIC = CommodityProfiles.ALL.stream().flatMap(p -> p.attributes().stream())
            .filter(a -> a.type() == AttributeType.NUMBER).map(a -> a.name()).collect(Collectors.toSet());
    private static final Pattern ITEM = Pattern.compile("lots\\[(\\d+)]\\.?(.*)");
    private static final Pattern ITEM_NAMED = Pattern.compile("lots\\[(\\d+)]");

    private record Parsed(int line, String lotCode, JsonObject harvest) {
    }

    private final Target target;
    private final ImportReport report;

    HarvestImport(Target target, ImportReport report) {
        this.target = target;
        this.report = report;
    }

    /** Rows per request without --atomic: a refusal costs one more round trip, a good chunk one transaction. */
    static final int CHUNK = 100;

    void run(CsvFile.Table table, boolean atomic, PrintWriter err) {
        List<Parsed> parsed = new ArrayList<>();
        for (CsvFile.Row row : table.rows()) {
            try {
                parsed.add(new Parsed(row.line(), row.get("lot_code"), harvest(row)));
            } catch (RowException e) {
                report.refused(e.error);
            }
        }
        if (atomic && (report.hasErrors() || parsed.size() > ATOMIC_LIMIT)) {
            if (parsed.size() > ATOMIC_LIMIT) {
                report.refused(new RowError(parsed.get(ATOMIC_LIMIT).line(), null, "--atomic imports at most " + ATOMIC_LIMIT
                        + " harvests at once (one transaction); split the file"));
            }
            return;
        }
        try (Progress progress = Progress.of("harvests", table.rows().size(), err)) {
            progress.step(table.rows().size() - parsed.size());
            List<Parsed> pending = new ArrayList<>();
            for (Parsed p : parsed) { // one read a row finds what an earlier run stored, without a failed write
                if (alreadyThere(p)) {
                    progress.step(1);
                } else {
                    pending.add(p);
                }
            }
            if (atomic && report.hasErrors()) {
                return;
            }
            while (!pending.isEmpty()) {
                List<Parsed> chunk = new ArrayList<>(pending.subList(0, atomic ? pending.size() : Math.min(CHUNK, pending.size())));
                JsonArray batch = new JsonArray();
                chunk.forEach(p -> batch.add(p.harvest()));
                Answer answer = target.registerLots(batch);
                if (answer.ok()) {
                    report.stored(chunk.size());
                    pending.removeAll(chunk);
                    progress.step(chunk.size());
                    continue;
                }
                List<ItemRefusal> refusals = ItemRefusal.of(answer);
                if (refusals.isEmpty()) { // not about one row: every row of the chunk is refused with it
                    chunk.forEach(p -> report.refused(new RowError(p.line(), column(answer.field()), answer.detail())));
                    pending.removeAll(chunk);
                    progress.step(chunk.size());
                    if (atomic) {
                        return;
                    }
                    continue;
                }
                boolean refused = false;
                for (ItemRefusal refusal : refusals) {
                    Parsed bad = chunk.get(refusal.index());
                    pending.remove(bad);
                    progress.step(1);
                    if (!(refusal.status() == 409 && alreadyThere(bad))) {
                        report.refused(new RowError(bad.line(), column(refusal.field()), linesIn(refusal.detail(), chunk)));
                        refused = true;
                    }
                }
                if (atomic && refused) {
                    return; // nothing was stored; the rest is not sent again (it would be stored)
                }
            }
        }
    }

    /** A detail that names another item of the batch ({@code lots[0]}) names its line instead. */
    private static String linesIn(String detail, List<Parsed> chunk) {
        return ITEM_NAMED.matcher(detail).replaceAll(item -> "line " + chunk.get(Integer.parseInt(item.group(1))).line());
    }

    /** One refused item of a batch: its index in the batch and the field within the item ({@code siteId}). */
    private record ItemRefusal(int index, int status, String field, String detail) {
        /** Every refused item the answer lists ({@code errors}), or the one its {@code field} names; none when not about items. */
        static List<ItemRefusal> of(Answer answer) {
            List<ItemRefusal> refusals = new ArrayList<>();
            JsonArray errors = answer.body().getJsonArray("errors");
            if (errors == null) {
                Matcher item = answer.field() == null ? null : ITEM.matcher(answer.field());
                if (item != null && item.matches()) {
                    refusals.add(new ItemRefusal(Integer.parseInt(item.group(1)), answer.status(), item.group(2), answer.detail()));
                }
                return refusals;
            }
            for (Object e : errors) {
                JsonObject error = (JsonObject) e;
                Matcher item = ITEM.matcher(error.getString("field", ""));
                refusals.add(new ItemRefusal(error.getInteger("index"), error.getInteger("status"),
                        item.matches() ? item.group(2) : null, error.getString("detail")));
            }
            return refusals;
        }
    }

    /**
     * Whether the party already has this lot code; with the same harvest the row counts as already there,
     * with another it is refused (also reported). Answers true in both cases: the row is not sent.
     */
    private boolean alreadyThere(Parsed p) {
        Answer found = target.lotsWithCode(p.lotCode());
        if (!found.ok()) {
            return false;
        }
        for (Object item : found.body().getJsonArray("items", new JsonArray())) {
            JsonObject lot = (JsonObject) item;
            if (lot.getLong("productId").equals(p.harvest().getLong("productId"))) {
                if (sameHarvest(lot, p.harvest())) {
                    report.already(1);
                } else {
                    report.refused(new RowError(p.line(), "lot_code", "lot code " + p.lotCode() + " is already registered (lot "
                            + lot.getLong("id") + ") with another harvest"));
                }
                return true;
            }
        }
        return false;
    }

    private static boolean sameHarvest(JsonObject lot, JsonObject harvest) {
        JsonObject q = lot.getJsonObject("quantity");
        JsonObject wanted = harvest.getJsonObject("quantity");
        return lot.getLong("siteId").equals(harvest.getLong("siteId"))
                && new BigDecimal(q.getValue("value").toString()).compareTo(new BigDecimal(wanted.getValue("value").toString())) == 0
                && q.getString("unit").equals(wanted.getString("unit"))
                && OffsetDateTime.parse(lot.getString("harvestedAt")).isEqual(OffsetDateTime.parse(harvest.getString("harvestedAt")));
    }

    /** The row as the API's harvest; what can be checked without the server is checked here. */
    static JsonObject harvest(CsvFile.Row row) {
        JsonObject attributes = new JsonObject();
        row.cells().forEach((column, value) -> {
            if (column.startsWith(ATTRIBUTE)) {
                String name = column.substring(ATTRIBUTE.length());
                attributes.put(name, NUMERIC.contains(name) ? decimal(row, column) : value);
            }
        });
        String harvestedAt = required(row, "harvested_at");
        try {
            OffsetDateTime.parse(harvestedAt);
        } catch (DateTimeParseException e) {
            throw new RowException(new RowError(row.line(), "harvested_at", "must be a date and time with offset like 2026-05-02T08:00:00+08:00"));
        }
        return new JsonObject().put("lotCode", required(row, "lot_code")).put("productId", id(row, "product_id"))
                .put("siteId", id(row, "site_id")).put("harvestedAt", harvestedAt)
                .put("quantity", new JsonObject().put("value", decimal(row, "quantity")).put("unit", required(row, "unit")))
                .put("attributes", attributes);
    }

    /** The CSV column of an API field ({@code attributes.teaType} is {@code attr.teaType}). */
    static String column(String field) {
        if (field == null || field.isEmpty()) {
            return null;
        }
        if (field.startsWith("attributes.")) {
            return ATTRIBUTE + field.substring("attributes.".length());
        }
        return COLUMNS.getOrDefault(field, field);
    }

    static String required(CsvFile.Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new RowException(new RowError(row.line(), column, "is required"));
        }
        return value;
    }

    static long id(CsvFile.Row row, String column) {
        try {
            long id = Long.parseLong(required(row, column));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RowException(new RowError(row.line(), column, "must be a positive whole number (an id)"));
    }

    static BigDecimal decimal(CsvFile.Row row, String column) {
        try {
            return new BigDecimal(required(row, column));
        } catch (NumberFormatException e) {
            throw new RowException(new RowError(row.line(), column, "must be a number"));
        }
    }

    /** A row that cannot be sent. */
    static final class RowException extends RuntimeException {
        final transient RowError error;

        RowException(RowError error) {
            super(error.toString(), null, false, false);
            this.error = error;
        }
    }
}
