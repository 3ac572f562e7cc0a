package org.plateautrace.web.registry;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.plateautrace.model.codes.Gtin;
import org.plateautrace.model.lots.Unit;
import org.plateautrace.model.registry.CertificationInfo;
import org.plateautrace.model.registry.CertificationInfo.Subject;
import org.plateautrace.model.registry.CertificationInfo.SubjectKind;
import org.plateautrace.model.registry.CertificationType;
import org.plateautrace.model.registry.Contact;
import org.plateautrace.model.registry.CreditCode;
import org.plateautrace.model.registry.LocalizedName;
import org.plateautrace.model.registry.PartyInfo;
import org.plateautrace.model.registry.PartyKind;
import org.plateautrace.model.registry.ProductInfo;
import org.plateautrace.model.registry.SiteInfo;
import org.plateautrace.model.registry.SiteKind;
import org.plateautrace.model.Invalid;
import org.plateautrace.service.auth.TokenService;
import org.plateautrace.service.registry.RegistryService;
import org.plateautrace.web.JsonInput;
import org.plateautrace.web.PathIds;
import org.plateautrace.web.QueryParams;
import org.plateautrace.web.Replies;

import static org.plateautrace.web.BearerAuth.caller;

/** /api/v1 parties (and their tokens), sites, products and certifications. */
public final class RegistryRoutes {
    private final RegistryService registry;
    private final TokenService tokens;

    public RegistryRoutes(RegistryService registry, TokenService tokens) {
        this.registry = registry;
        this.tokens = tokens;
    }

    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.post("/parties").handler(this::createParty);
        router.get("/parties").handler(this::listParties);
        router.get("/parties/:id").handler(this::getParty);
        router.get("/parties/:id/sites").handler(this::listPartySites);
        router.post("/parties/:id/tokens").handler(this::createToken);
        router.get("/parties/:id/tokens").handler(this::listTokens);
        router.delete("/parties/:id/tokens/:tokenId").handler(this::revokeToken);
        router.post("/sites").handler(this::createSite);
        router.get("/sites").handler(this::listSites);
        router.get("/sites/:id").handler(this::getSite);
        router.post("/products").handler(this::createProduct);
        router.get("/products").handler(this::listProducts);
        router.get("/products/:id").handler(this::getProduct);
        router.post("/certifications").handler(this::createCertification);
        router.get("/certifications").handler(this::listCertifications);
        return router;
    }

    private void createParty(RoutingContext ctx) {
        JsonInput body = JsonInput.body(ctx, Set.of("kind", "name", "nameEn", "creditCode", "county", "township", "contact"));
        JsonInput contact = body.object("contact", false, Set.of("person", "phone", "email"));
        PartyInfo info = body.build(() -> new PartyInfo(
                body.code("kind", PartyKind.class, "party kind"), body.string("name", true), body.string("nameEn", false),
                body.parsed("creditCode", true, CreditCode::parse), body.string("county", true),
                body.string("township", false),
                contact == null ? Contact.NONE : new Contact(contact.string("person", false),
                        contact.string("phone", false), contact.string("email", false))));
        Replies.created(ctx, registry.createParty(caller(ctx), info), created -> RegistryJson.party(created.party())
                .put("token", created.token().token()).put("tokenId", created.token().id()));
    }

    private void listParties(RoutingContext ctx) {
        QueryParams query = QueryParams.ofList(ctx, "kind", "county");
        Replies.page(ctx, registry.listParties(caller(ctx), query.code("kind", PartyKind.class, "party kind"),
                query.string("county"), query.page()), RegistryJson::party);
    }

    private void getParty(RoutingContext ctx) {
        Replies.ok(ctx, registry.party(caller(ctx), PathIds.id(ctx, "id")), RegistryJson::party);
    }

    private void createToken(RoutingContext ctx) {
        String label = ctx.body().length() == 0 ? null : JsonInput.body(ctx, Set.of("label")).string("label", false);
        Replies.created(ctx, tokens.issue(caller(ctx), PathIds.id(ctx, "id"), label), token -> new JsonObject()
                .put("id", token.id()).put("token", token.token()).put("label", token.label()));
    }

    private void listTokens(RoutingContext ctx) {
        tokens.list(caller(ctx), PathIds.id(ctx, "id")).onSuccess(list -> {
            JsonArray items = new JsonArray();
            list.forEach(token -> items.add(RegistryJson.token(token)));
            Replies.send(ctx, 200, new JsonObject().put("items", items));
        }).onFailure(ctx::fail);
    }

    private void revokeToken(RoutingContext ctx) {
        tokens.revoke(caller(ctx), PathIds.id(ctx, "id"), PathIds.id(ctx, "tokenId"))
                .onSuccess(done -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private void createSite(RoutingContext ctx) {
        JsonInput body = JsonInput.body(ctx, Set.of("kind", "name", "county", "township", "latitude", "longitude"));
        SiteInfo info = body.build(() -> new SiteInfo(body.code("kind", SiteKind.class, "site kind"),
                body.string("name", true), body.string("county", true), body.string("township", false),
                body.number("latitude"), body.number("longitude")));
        Replies.created(ctx, registry.createSite(caller(ctx), info), RegistryJson::site);
    }

    private void listSites(RoutingContext ctx) {
        QueryParams query = QueryParams.ofList(ctx, "partyId", "kind");
        Replies.page(ctx, registry.listSites(caller(ctx), query.id("partyId"), query.code("kind", SiteKind.class, "site kind"),
                query.page()), RegistryJson::site);
    }

    private void listPartySites(RoutingContext ctx) {
        QueryParams query = QueryParams.ofList(ctx, "kind");
        Replies.page(ctx, registry.partySites(caller(ctx), PathIds.id(ctx, "id"), query.code("kind", SiteKind.class, "site kind"),
                query.page()), RegistryJson::siteListing);
    }

    private void getSite(RoutingContext ctx) {
        Replies.ok(ctx, registry.site(caller(ctx), PathIds.id(ctx, "id")), RegistryJson::site);
    }

    private void createProduct(RoutingContext ctx) {
        JsonInput body = JsonInput.body(ctx, Set.of("gtin", "name", "commodity", "brand", "umbrellaBrand", "unit",
                "coldChain"));
        JsonInput name = body.object("name", true, Set.of("zh", "en", "bo"));
        ProductInfo info = body.build(() -> new ProductInfo(body.parsed("gtin", true, Gtin::parse),
                new LocalizedName(name.string("zh", true), name.string("en", true), name.string("bo", false)),
                body.string("commodity", true), body.string("brand", false), body.string("umbrellaBrand", false),
                body.parsed("unit", true, Unit::parse), body.string("coldChain", false)));
        Replies.created(ctx, registry.createProduct(caller(ctx), info), RegistryJson::product);
    }

    private void listProducts(RoutingContext ctx) {
        QueryParams query = QueryParams.ofList(ctx, "partyId", "commodity", "gtin");
        Replies.page(ctx, registry.listProducts(caller(ctx), query.id("partyId"), query.string("commodity"),
                query.parsed("gtin", Gtin::parse), query.page()), RegistryJson::product);
    }

    private void getProduct(RoutingContext ctx) {
        Replies.ok(ctx, registry.product(caller(ctx), PathIds.id(ctx, "id")), RegistryJson::product);
    }

    private void createCertification(RoutingContext ctx) {
        JsonInput body = JsonInput.body(ctx, Set.of("type", "number", "issuer", "validFrom", "validTo",
                "partyId", "siteId", "productId"));
        CertificationInfo info = body.build(() -> new CertificationInfo(
                body.code("type", CertificationType.class, "certification type"), body.string("number", true),
                body.string("issuer", true), body.date("validFrom", true), body.date("validTo", true), subject(body)));
        Replies.created(ctx, registry.createCertification(caller(ctx), info),
                certification -> RegistryJson.certification(certification, RegistryService.today()));
    }

    private static Subject subject(JsonInput body) {
        List<Subject> subjects = new ArrayList<>();
        Long party = body.id("partyId", false);
        Long site = body.id("siteId", false);
        Long product = body.id("productId", false);
        if (party != null) {
            subjects.add(new Subject(SubjectKind.PARTY, party));
        }
        if (site != null) {
            subjects.add(new Subject(SubjectKind.SITE, site));
        }
        if (product != null) {
            subjects.add(new Subject(SubjectKind.PRODUCT, product));
        }
        if (subjects.size() > 1) {
            throw new Invalid("productId", "a certificate is attached to exactly one of partyId, siteId or productId");
        }
        return subjects.isEmpty() ? null : subjects.get(0);
    }

    private void listCertifications(RoutingContext ctx) {
        QueryParams query = QueryParams.ofList(ctx, "partyId", "siteId", "productId", "expired");
        var today = RegistryService.today();
        Replies.page(ctx, registry.listCertifications(caller(ctx), query.id("partyId"), query.id("siteId"),
                query.id("productId"), query.flag("expired"), query.page()),
                certification -> RegistryJson.certification(certification, today));
    }
}
