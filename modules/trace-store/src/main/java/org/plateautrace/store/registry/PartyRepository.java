package org.plateautrace.store.registry;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import org.plateautrace.model.Codes;
import org.plateautrace.model.Page;
import org.plateautrace.model.PageRequest;
import org.plateautrace.model.registry.Contact;
import org.plateautrace.model.registry.CreditCode;
import org.plateautrace.model.registry.Party;
import org.plateautrace.model.registry.PartyInfo;
import org.plateautrace.model.registry.PartyKind;
import org.plateautrace.store.Where;

public final class PartyRepository {
    public static final String CREDIT_CODE_UNIQUE = "party_credit_code_key";
    private static final String COLUMNS = "id, kind, name, name_en, credit_code, county, township, contact, created_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM party";

    private final SqlClient pool;

    public PartyRepository(SqlClient pool) {
        this.pool = pool;
    }

    public Future<Party> insert(SqlClient tx, PartyInfo info) {
        Contact contact = info.contact();
        return tx.preparedQuery("INSERT INTO party (kind, name, name_en, credit_code, county, township, contact) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING " + COLUMNS)
                .execute(Tuple.of(Codes.of(info.kind()), info.name(), info.nameEn(), info.creditCode().value(),
                        info.county(), info.township(), new JsonObject()
                                .put("person", contact.person()).put("phone", contact.phone()).put("email", contact.email())))
                .map(rows -> map(rows.iterator().next()));
    }

    public Future<Optional<Party>> find(long id) {
        return pool.preparedQuery(SELECT + " WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    public Future<Page<Party>> list(PartyKind kind, String county, PageRequest page) {
        return new Where()
                .and("kind = ?", kind == null ? null : Codes.of(kind))
                .and("county = ?", county)
                .page(pool, SELECT, "id", page, PartyRepository::map);
    }

    static Party map(Row row) {
        JsonObject contact = row.getJsonObject("contact");
        return new Party(row.getLong("id"), new PartyInfo(
                Codes.parse(PartyKind.class, row.getString("kind"), "party kind"),
                row.getString("name"), row.getString("name_en"), new CreditCode(row.getString("credit_code")),
                row.getString("county"), row.getString("township"),
                new Contact(contact.getString("person"), contact.getString("phone"), contact.getString("email"))),
                row.getOffsetDateTime("created_at").toInstant());
    }
}
