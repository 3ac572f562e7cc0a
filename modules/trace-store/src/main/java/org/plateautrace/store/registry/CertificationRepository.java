package org.plateautrace.store.registry;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import org.plateautrace.model.Codes;
import org.plateautrace.model.Page;
import org.plateautrace.model.PageRequest;
import org.plateautrace.model.registry.Certification;
import org.plateautrace.model.registry.CertificationInfo;
import org.plateautrace.model.registry.CertificationInfo.Subject;
import org.plateautrace.model.registry.CertificationInfo.SubjectKind;
import org.plateautrace.model.registry.CertificationType;
import org.plateautrace.store.Where;

public final class CertificationRepository {
    public static final String NUMBER_UNIQUE = "certification_number_key";
    private static final String COLUMNS =
            "id, owner_party_id, type, number, issuer, valid_from, valid_to, party_id, site_id, product_id";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM certification";

    /** Which certificates to list; every part optional. {@code expiredOn} keeps only those expired on that day. */
    public record Filter(Long ownerPartyId, Long partyId, Long siteId, Long productId, LocalDate expiredOn) {
    }

    private final SqlClient pool;

    public CertificationRepository(SqlClient pool) {
        this.pool = pool;
    }

    public Future<Certification> insert(long ownerPartyId, CertificationInfo info) {
        Subject subject = info.subject();
        return pool.preparedQuery("INSERT INTO certification (owner_party_id, type, number, issuer, valid_from, valid_to, "
                        + "party_id, site_id, product_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING " + COLUMNS)
                .execute(Tuple.from(new Object[]{ownerPartyId, Codes.of(info.type()), info.number(), info.issuer(),
                        info.validFrom(), info.validTo(), idIf(subject, SubjectKind.PARTY), idIf(subject, SubjectKind.SITE),
                        idIf(subject, SubjectKind.PRODUCT)}))
                .map(rows -> map(rows.iterator().next()));
    }

    public Future<Page<Certification>> list(Filter filter, PageRequest page) {
        return new Where()
                .and("owner_party_id = ?", filter.ownerPartyId())
                .and("party_id = ?", filter.partyId())
                .and("site_id = ?", filter.siteId())
                .and("product_id = ?", filter.productId())
                .and("valid_to < ?", filter.expiredOn())
                .page(pool, SELECT, "id", page, CertificationRepository::map);
    }

    private static Long idIf(Subject subject, SubjectKind kind) {
        return subject.kind() == kind ? subject.id() : null;
    }

    private static Certification map(Row row) {
        Subject subject = row.getLong("party_id") != null ? new Subject(SubjectKind.PARTY, row.getLong("party_id"))
                : row.getLong("site_id") != null ? new Subject(SubjectKind.SITE, row.getLong("site_id"))
                : new Subject(SubjectKind.PRODUCT, row.getLong("product_id"));
        return new Certification(row.getLong("id"), row.getLong("owner_party_id"), new CertificationInfo(
                Codes.parse(CertificationType.class, row.getString("type"), "certification type"),
                row.getString("number"), row.getString("issuer"), row.getLocalDate("valid_from"),
                row.getLocalDate("valid_to"), subject));
    }
}
