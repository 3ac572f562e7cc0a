package org.plateautrace.web.registry;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import org.plateautrace.model.Codes;
import org.plateautrace.model.registry.Certification;
import org.plateautrace.model.registry.CertificationInfo;
import org.plateautrace.model.registry.Contact;
import org.plateautrace.model.registry.Party;
import org.plateautrace.model.registry.PartyInfo;
import org.plateautrace.model.registry.Product;
import org.plateautrace.model.registry.ProductInfo;
import org.plateautrace.model.registry.Site;
import org.plateautrace.model.registry.SiteInfo;
import org.plateautrace.store.registry.TokenRepository.TokenInfo;

/** JSON forms of registry records, as the API answers them. */
public final class RegistryJson {
    private RegistryJson() {
    }

    public static JsonObject party(Party party) {
        PartyInfo info = party.info();
        Contact contact = info.contact();
        return new JsonObject().put("id", party.id()).put("kind", Codes.of(info.kind())).put("name", info.name())
                .put("nameEn", info.nameEn()).put("creditCode", info.creditCode().value())
                .put("county", info.county()).put("township", info.township())
                .put("contact", new JsonObject().put("person", contact.person()).put("phone", contact.phone())
                        .put("email", contact.email()))
                .put("createdAt", party.createdAt().toString());
    }

    public static JsonObject token(TokenInfo token) {
        return new JsonObject().put("id", token.id()).put("label", token.label())
                .put("createdAt", token.createdAt().toString())
                .put("revokedAt", token.revokedAt() == null ? null : token.revokedAt().toString());
    }

    public static JsonObject site(Site site) {
        return siteListing(site).put("latitude", site.info().latitude()).put("longitude", site.info().longitude());
    }

    /** A site as another party's directory shows it: where to send goods, without its coordinates. */
    public static JsonObject siteListing(Site site) {
        SiteInfo info = site.info();
        return new JsonObject().put("id", site.id()).put("partyId", site.partyId()).put("kind", Codes.of(info.kind()))
                .put("name", info.name()).put("county", info.county()).put("township", info.township());
    }

    public static JsonObject product(Product product) {
        ProductInfo info = product.info();
        return new JsonObject().put("id", product.id()).put("partyId", product.partyId())
                .put("gtin", info.gtin().value())
                .put("name", new JsonObject().put("zh", info.name().zh()).put("en", info.name().en()).put("bo", info.name().bo()))
                .put("commodity", info.commodity()).put("brand", info.brand()).put("umbrellaBrand", info.umbrellaBrand())
                .put("unit", info.unit().code()).put("coldChain", info.coldChainProfile().code());
    }

    /** A certificate with its status on the given day: valid, expired, or not yet valid. */
    public static JsonObject certification(Certification certification, LocalDate today) {
        CertificationInfo info = certification.info();
        String status = info.expiredOn(today) ? "expired" : info.validFrom().isAfter(today) ? "not_yet_valid" : "valid";
        return new JsonObject().put("id", certification.id()).put("ownerPartyId", certification.ownerPartyId())
                .put("type", Codes.of(info.type())).put("number", info.number()).put("issuer", info.issuer())
                .put("validFrom", info.validFrom().toString()).put("validTo", info.validTo().toString())
                .put(switch (info.subject().kind()) {
                    case PARTY -> "partyId";
                    case SITE -> "siteId";
                    case PRODUCT -> "productId";
                }, info.subject().id())
                .put("status", status).put("expired", info.expiredOn(today));
    }
}
