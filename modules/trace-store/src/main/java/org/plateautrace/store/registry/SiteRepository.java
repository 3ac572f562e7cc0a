package org.plateautrace.store.registry;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import org.plateautrace.model.Codes;
import org.plateautrace.model.Page;
import org.plateautrace.model.PageRequest;
import org.plateautrace.model.registry.Site;
import org.plateautrace.model.registry.SiteInfo;
import org.plateautrace.model.registry.SiteKind;
import org.plateautrace.store.Where;

public final class SiteRepository {
    private static final String COLUMNS = "id, party_id, kind, name, county, township, latitude, longitude";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM site";

    private final SqlClient pool;

    public SiteRepository(SqlClient pool) {
        this.pool = pool;
    }

    public Future<Site> insert(long partyId, SiteInfo info) {
        return pool.preparedQuery("INSERT INTO site (party_id, kind, name, county, township, latitude, longitude) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING " + COLUMNS)
                .execute(Tuple.of(partyId, Codes.of(info.kind()), info.name(), info.county(), info.township(),
                        info.latitude(), info.longitude()))
                .map(rows -> map(rows.iterator().next()));
    }

    public Future<Optional<Site>> find(long id) {
        return pool.preparedQuery(SELECT + " WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** Sites, optionally of one party and one kind. */
    public Future<Page<Site>> list(Long partyId, SiteKind kind, PageRequest page) {
        return new Where()
                .and("party_id = ?", partyId)
                .and("kind = ?", kind == null ? null : Codes.of(kind))
                .page(pool, SELECT, "id", page, SiteRepository::map);
    }

    private static Site map(Row row) {
        return new Site(row.getLong("id"), row.getLong("party_id"), new SiteInfo(
                Codes.parse(SiteKind.class, row.getString("kind"), "site kind"), row.getString("name"),
                row.getString("county"), row.getString("township"), row.getDouble("latitude"), row.getDouble("longitude")));
    }
}
