package org.plateautrace.store.lots;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.plateautrace.model.Page;
import org.plateautrace.model.PageRequest;
import org.plateautrace.model.codes.Gtin;
import org.plateautrace.model.lots.Harvest;
import org.plateautrace.model.lots.Lot;
import org.plateautrace.model.lots.LotFilter;
import org.plateautrace.model.lots.LotCode;
import org.plateautrace.model.lots.Quantity;
import org.plateautrace.model.lots.Unit;
import org.plateautrace.store.Where;

public final class LotRepository {
    public static final String CODE_UNIQUE = "lot_product_code_key";
    private static final String SELECT = "SELECT l.id, l.party_id, l.product_id, l.site_id, l.lot_code, l.quantity, "
            + "l.unit, l.harvested_at, l.harvest_utc_offset, l.attributes, l.created_at, p.gtin "
            + "FROM lot l JOIN product p ON p.id = l.product_id";

    private final SqlClient pool;

    public LotRepository(SqlClient pool) {
        this.pool = pool;
    }

    public Future<Lot> insert(SqlClient tx, long partyId, Gtin gtin, LotCode lotCode, Harvest harvest) {
        OffsetDateTime harvestedAt = harvest.harvestedAt();
        return tx.preparedQuery("INSERT INTO lot (party_id, product_id, site_id, lot_code, quantity, unit, harvested_at, "
                        + "harvest_utc_offset, attributes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, created_at")
                .execute(Tuple.from(new Object[]{partyId, harvest.productId(), harvest.siteId(), lotCode.value(),
                        harvest.quantity().value(), harvest.quantity().unit().code(), harvestedAt,
                        harvestedAt.getOffset().getId(), new JsonObject(harvest.attributes())}))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Lot(row.getLong("id"), partyId, gtin, lotCode, harvest,
                            row.getOffsetDateTime("created_at").toInstant());
                });
    }

    /** The ids of the lots these (GTIN, lot code) pairs name, keyed "gtin/lotCode" (pairs that name no lot are left out). */
    public Future<Map<String, Long>> idsByGtinAndCode(List<String> gtins, List<String> lotCodes) {
        return pool.preparedQuery("SELECT l.id, p.gtin || '/' || l.lot_code AS named FROM unnest($1::text[], $2::text[]) AS c(gtin, lot_code) "
                        + "JOIN product p ON p.gtin = c.gtin JOIN lot l ON l.product_id = p.id AND l.lot_code = c.lot_code")
                .execute(Tuple.tuple().addArrayOfString(gtins.toArray(new String[0])).addArrayOfString(lotCodes.toArray(new String[0])))
                .map(rows -> {
                    Map<String, Long> ids = new HashMap<>();
                    rows.forEach(row -> ids.put(row.getString("named"), row.getLong("id")));
                    return ids;
                });
    }

    /** Which of these (product id, lot code) pairs are already used, as "productId/lotCode". */
    public Future<Set<String>> codesTaken(SqlClient tx, List<Long> productIds, List<String> lotCodes) {
        return tx.preparedQuery("SELECT l.product_id || '/' || l.lot_code AS taken FROM lot l "
                        + "JOIN unnest($1::bigint[], $2::text[]) AS c(product_id, lot_code) "
                        + "ON l.product_id = c.product_id AND l.lot_code = c.lot_code")
                .execute(Tuple.tuple().addArrayOfLong(productIds.toArray(new Long[0])).addArrayOfString(lotCodes.toArray(new String[0])))
                .map(rows -> {
                    Set<String> taken = new HashSet<>();
                    rows.forEach(row -> taken.add(row.getString("taken")));
                    return taken;
                });
    }

    /** Sets how much of a lot a party holds (a harvest: its owner holds it all). */
    public Future<Void> holding(SqlClient tx, long lotId, long partyId, BigDecimal quantity) {
        return tx.preparedQuery("INSERT INTO holding (lot_id, party_id, quantity) VALUES ($1, $2, $3)")
                .execute(Tuple.of(lotId, partyId, quantity)).mapEmpty();
    }

    /** Marks lots recalled (those not recalled already); answers how many changed. */
    public Future<Integer> recall(SqlClient tx, java.util.Collection<Long> lotIds, String reason) {
        return tx.preparedQuery("UPDATE lot SET recalled_at = now(), recall_reason = $2 WHERE id = ANY($1) AND recalled_at IS NULL")
                .execute(Tuple.of(lotIds.toArray(new Long[0]), reason)).map(rows -> rows.rowCount());
    }

    /** Whether the party holds or held (custody at some time) any of the lot. */
    public Future<Boolean> everHeld(long lotId, long partyId) {
        return pool.preparedQuery("SELECT 1 FROM holding WHERE lot_id = $1 AND party_id = $2")
                .execute(Tuple.of(lotId, partyId)).map(rows -> rows.size() > 0);
    }

    /** The lot with this code under this GTIN. */
    public Future<Optional<Lot>> findByCode(Gtin gtin, LotCode lotCode) {
        return pool.preparedQuery(SELECT + " WHERE p.gtin = $1 AND l.lot_code = $2").execute(Tuple.of(gtin.value(), lotCode.value()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    public Future<Optional<Lot>> find(long id) {
        return pool.preparedQuery(SELECT + " WHERE l.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    public Future<Page<Lot>> list(LotFilter filter, PageRequest page) {
        return new Where()
                .and("l.party_id = ?", filter.partyId())
                .and("l.product_id = ?", filter.productId())
                .and("l.site_id = ?", filter.siteId())
                .and("p.commodity = ?", filter.commodity())
                .and("l.lot_code = ?", filter.lotCode() == null ? null : filter.lotCode().value())
                .and("l.harvested_at >= ?", filter.harvestedFrom())
                .and("l.harvested_at < ?", filter.harvestedTo())
                .page(pool, SELECT, "l.id", page, LotRepository::map);
    }

    private static Lot map(Row row) {
        ZoneOffset offset = ZoneOffset.of(row.getString("harvest_utc_offset"));
        BigDecimal quantity = row.getBigDecimal("quantity").stripTrailingZeros();
        Harvest harvest = new Harvest(row.getLong("product_id"), row.getLong("site_id"),
                new Quantity(quantity.scale() < 0 ? quantity.setScale(0) : quantity, Unit.parse(row.getString("unit"))),
                row.getOffsetDateTime("harvested_at").withOffsetSameInstant(offset),
                row.getJsonObject("attributes").getMap(), new LotCode(row.getString("lot_code")));
        return new Lot(row.getLong("id"), row.getLong("party_id"), new Gtin(row.getString("gtin")),
                harvest.lotCode(), harvest, row.getOffsetDateTime("created_at").toInstant());
    }
}
