package org.plateautrace.store.registry;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import org.plateautrace.model.Page;
import org.plateautrace.model.PageRequest;
import org.plateautrace.model.codes.Gtin;
import org.plateautrace.model.lots.Unit;
import org.plateautrace.model.registry.LocalizedName;
import org.plateautrace.model.registry.Product;
import org.plateautrace.model.registry.ProductInfo;
import org.plateautrace.store.Where;

public final class ProductRepository {
    public static final String GTIN_UNIQUE = "product_gtin_key";
    private static final String COLUMNS = "id, party_id, gtin, name_zh, name_en, name_bo, commodity, brand, umbrella_brand, unit, cold_chain";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM product";

    private final SqlClient pool;

    public ProductRepository(SqlClient pool) {
        this.pool = pool;
    }

    public Future<Product> insert(long partyId, ProductInfo info) {
        return pool.preparedQuery("INSERT INTO product (party_id, gtin, name_zh, name_en, name_bo, commodity, brand, "
                        + "umbrella_brand, unit, cold_chain) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING " + COLUMNS)
                .execute(Tuple.from(new Object[]{partyId, info.gtin().value(), info.name().zh(), info.name().en(),
                        info.name().bo(), info.commodity(), info.brand(), info.umbrellaBrand(), info.unit().code(), info.coldChain()}))
                .map(rows -> map(rows.iterator().next()));
    }

    public Future<Optional<Product>> find(long id) {
        return pool.preparedQuery(SELECT + " WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    public Future<Page<Product>> list(Long partyId, String commodity, Gtin gtin, PageRequest page) {
        return new Where()
                .and("party_id = ?", partyId)
                .and("commodity = ?", commodity)
                .and("gtin = ?", gtin == null ? null : gtin.value())
                .page(pool, SELECT, "id", page, ProductRepository::map);
    }

    private static Product map(Row row) {
        return new Product(row.getLong("id"), row.getLong("party_id"), new ProductInfo(
                new Gtin(row.getString("gtin")),
                new LocalizedName(row.getString("name_zh"), row.getString("name_en"), row.getString("name_bo")),
                row.getString("commodity"), row.getString("brand"), row.getString("umbrella_brand"),
                Unit.parse(row.getString("unit")), row.getString("cold_chain")));
    }
}
