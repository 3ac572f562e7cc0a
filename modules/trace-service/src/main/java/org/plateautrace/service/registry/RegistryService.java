package org.plateautrace.service.registry;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.LocalDate;
import java.time.ZoneId;
import org.plateautrace.model.Page;
import org.plateautrace.model.PageRequest;
import org.plateautrace.model.codes.Gtin;
import org.plateautrace.model.registry.Certification;
import org.plateautrace.model.registry.CertificationInfo;
import org.plateautrace.model.registry.Party;
import org.plateautrace.model.registry.PartyInfo;
import org.plateautrace.model.registry.PartyKind;
import org.plateautrace.model.registry.Product;
import org.plateautrace.model.registry.ProductInfo;
import org.plateautrace.model.registry.Site;
import org.plateautrace.model.registry.SiteInfo;
import org.plateautrace.model.registry.SiteKind;
import org.plateautrace.service.Access;
import org.plateautrace.service.Refusal.Conflict;
import org.plateautrace.service.Refusal.NotFound;
import org.plateautrace.service.auth.Caller;
import org.plateautrace.service.auth.TokenService;
import org.plateautrace.service.auth.TokenService.IssuedToken;
import org.plateautrace.store.UniqueViolation;
import org.plateautrace.store.registry.CertificationRepository;
import org.plateautrace.store.registry.PartyRepository;
import org.plateautrace.store.registry.ProductRepository;
import org.plateautrace.store.registry.SiteRepository;

/** The registry: parties and their sites, products and certificates. */
public final class RegistryService {
    /** Certificates expire by the calendar of the plateau. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A party just created, with the one and only showing of its first token. */
    public record NewParty(Party party, IssuedToken token) {
    }

    private final Pool pool;
    private final PartyRepository parties;
    private final SiteRepository sites;
    private final ProductRepository products;
    private final CertificationRepository certifications;
    private final TokenService tokens;

    public RegistryService(Pool pool, TokenService tokens) {
        this.pool = pool;
        this.tokens = tokens;
        this.parties = new PartyRepository(pool);
        this.sites = new SiteRepository(pool);
        this.products = new ProductRepository(pool);
        this.certifications = new CertificationRepository(pool);
    }

    public Future<NewParty> createParty(Caller caller, PartyInfo info) {
        caller.requireAdmin();
        return pool.withTransaction(tx -> parties.insert(tx, info)
                        .compose(party -> tokens.issue(tx, party.id(), "first token").map(token -> new NewParty(party, token))))
                .recover(error -> Future.failedFuture(UniqueViolation.on(error, PartyRepository.CREDIT_CODE_UNIQUE)
                        ? new Conflict("creditCode", "a party with credit code " + info.creditCode() + " is already registered")
                        : error));
    }

    /** Parties are a directory every signed-in caller may read (to know whom to ship to). */
    public Future<Page<Party>> listParties(Caller caller, PartyKind kind, String county, PageRequest page) {
        return parties.list(kind, county, page);
    }

    /** Whether any party is registered yet (the demo data set is loaded only into an empty platform). */
    public Future<Boolean> hasParties() {
        return parties.list(null, null, new PageRequest(null, 1)).map(page -> !page.items().isEmpty());
    }

    public Future<Party> party(Caller caller, long id) {
        return parties.find(id).map(found -> found.orElseThrow(() -> new NotFound("no such party")));
    }

    public Future<Site> createSite(Caller caller, SiteInfo info) {
        return sites.insert(caller.writingParty(), info);
    }

    public Future<Page<Site>> listSites(Caller caller, Long partyId, SiteKind kind, PageRequest page) {
        return sites.list(caller.visibleParty(partyId), kind, page);
    }

    /**
     * Where goods can be sent to a party: its sites as a directory every caller reads (the sites themselves,
     * with coordinates, stay the party's own). 404 for an unknown party.
     */
    public Future<Page<Site>> partySites(Caller caller, long partyId, SiteKind kind, PageRequest page) {
        return party(caller, partyId).compose(party -> sites.list(party.id(), kind, page));
    }

    public Future<Site> site(Caller caller, long id) {
        return sites.find(id).map(found -> Access.readable(found, Site::partyId, caller, "site"));
    }

    public Future<Product> createProduct(Caller caller, ProductInfo info) {
        return products.insert(caller.writingParty(), info)
                .recover(error -> Future.failedFuture(UniqueViolation.on(error, ProductRepository.GTIN_UNIQUE)
                        ? new Conflict("gtin", "GTIN " + info.gtin() + " is already registered") : error));
    }

    public Future<Page<Product>> listProducts(Caller caller, Long partyId, String commodity, Gtin gtin, PageRequest page) {
        return products.list(caller.visibleParty(partyId), commodity, gtin, page);
    }

    public Future<Product> product(Caller caller, long id) {
        return products.find(id).map(found -> Access.readable(found, Product::partyId, caller, "product"));
    }

    /** Records a certificate on one of the caller's own subjects (itself, a site, a product). */
    public Future<Certification> createCertification(Caller caller, CertificationInfo info) {
        long owner = caller.writingParty();
        CertificationInfo.Subject subject = info.subject();
        Future<?> subjectIsOwn = switch (subject.kind()) {
            case PARTY -> parties.find(subject.id()).map(found -> Access.ownReference(found, Party::id, owner, "partyId", subject.id()));
            case SITE -> sites.find(subject.id()).map(found -> Access.ownReference(found, Site::partyId, owner, "siteId", subject.id()));
            case PRODUCT -> products.find(subject.id()).map(found -> Access.ownReference(found, Product::partyId, owner, "productId", subject.id()));
        };
        return subjectIsOwn.compose(ok -> certifications.insert(owner, info))
                .recover(error -> Future.failedFuture(UniqueViolation.on(error, CertificationRepository.NUMBER_UNIQUE)
                        ? new Conflict("number", "certificate " + info.number() + " of " + info.issuer() + " is already recorded")
                        : error));
    }

    /** Certificates the caller may see; {@code expiredOnly} keeps those past their validTo today. */
    public Future<Page<Certification>> listCertifications(Caller caller, Long partyId, Long siteId, Long productId,
                                                          boolean expiredOnly, PageRequest page) {
        Long owner = caller.readsAll() ? null : caller.partyId();
        return certifications.list(new CertificationRepository.Filter(owner, partyId, siteId, productId,
                expiredOnly ? today() : null), page);
    }

    public static LocalDate today() {
        return LocalDate.now(CHINA);
    }
}
