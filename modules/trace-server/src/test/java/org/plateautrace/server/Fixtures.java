package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.plateautrace.model.codes.Gs1CheckDigit;
import org.plateautrace.model.registry.CreditCode;

/** Builds valid registry data through the API, so each test states only what it is about. */
final class Fixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(1000);

    private final Api api;

    Fixtures(Api api) {
        this.api = api;
    }

    /** A party that exists, with its id and first token. */
    record Party(long id, String token) {
    }

    /** A fresh, valid unified social credit code for a farmers' cooperative in 波密县 (fictitious). */
    static String creditCode() {
        String first17 = "93540424MA6T" + String.format("%05d", SEQUENCE.incrementAndGet());
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** A fresh, valid GTIN-13 of the restricted-circulation range (prefix 2). */
    static String gtin13() {
        String first12 = "20000099" + String.format("%04d", SEQUENCE.incrementAndGet());
        return first12 + Gs1CheckDigit.compute(first12);
    }

    /** A valid SSCC: the 17 digits given and their GS1 check digit. */
    static String sscc(String first17) {
        return first17 + Gs1CheckDigit.compute(first17);
    }

    /** A name of the kind a party of that kind has (numbered: names need not be unique, but tests read better). */
    private static final Map<String, String> NAMES = Map.of("processor", "林芝墨脱茶业有限公司", "carrier", "林芝高原冷链物流有限公司",
            "lab", "林芝市农产品质量检测中心", "regulator", "林芝市农业农村局", "retailer", "林芝源特产直营店",
            "enterprise", "林芝乡村发展有限公司");

    static JsonObject partyJson(String kind) {
        return new JsonObject().put("kind", kind).put("name", NAMES.getOrDefault(kind, "波密县易贡茶叶农民专业合作社") + " "
                        + SEQUENCE.incrementAndGet())
                .put("creditCode", creditCode()).put("county", "波密县").put("township", "易贡乡");
    }

    Party party(String kind) {
        Api.Response created = api.post("/api/v1/parties", TestServer.ADMIN_TOKEN, partyJson(kind));
        assertEquals(201, created.status(), created.body());
        return new Party(created.json().getLong("id"), created.json().getString("token"));
    }

    long site(Party owner) {
        return site(owner, "farm_base");
    }

    long site(Party owner, String kind) {
        return created(api.post("/api/v1/sites", owner.token(), new JsonObject().put("kind", kind)
                .put("name", "易贡茶场 3 号茶园").put("county", "波密县").put("township", "易贡乡")
                .put("latitude", 30.2).put("longitude", 94.9)));
    }

    /** Records one event (or a batch) and insists it was accepted; answers the reply. */
    JsonObject event(Party actor, JsonObject event) {
        Api.Response response = api.post("/api/v1/events", actor.token(), event);
        assertEquals(201, response.status(), response.body());
        return response.json();
    }

    long product(Party owner, String commodity, String unit) {
        return created(api.post("/api/v1/products", owner.token(), new JsonObject().put("gtin", gtin13())
                .put("name", new JsonObject().put("zh", "林芝红茶").put("en", "Nyingchi black tea"))
                .put("commodity", commodity).put("brand", "林芝茶叶").put("umbrellaBrand", "林芝源").put("unit", unit)));
    }

    static JsonObject teaHarvest(long productId, long siteId) {
        return new JsonObject().put("productId", productId).put("siteId", siteId)
                .put("quantity", new JsonObject().put("value", 120.5).put("unit", "kg"))
                .put("harvestedAt", "2026-05-02T08:00:00+08:00")
                .put("attributes", new JsonObject().put("gardenPlot", "易贡茶园 3 号片区").put("teaType", "black")
                        .put("pickingGrade", "one_bud_one_leaf"));
    }

    private static long created(Api.Response response) {
        assertEquals(201, response.status(), response.body());
        return response.json().getLong("id");
    }
}
