package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public GS1 Digital Link resolver, the consumer page, scans and public feedback. */
class ResolverTest extends ServerTest {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Fixtures.Party coop;
    private long farm;
    private long tea;

    @BeforeAll
    void registerProducer() {
        coop = fixtures.party("cooperative");
        farm = fixtures.site(coop);
        tea = fixtures.product(coop, "tea", "kg");
    }

    @Test
    void aBrowserGetsTheConsumerPageInChineseAndEnglish() throws Exception {
        String pack = packPath(lot());
        HttpResponse<String> zh = get(pack, "text/html");
        assertEquals(200, zh.statusCode());
        assertTrue(zh.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(zh.body().contains("林芝红茶"));
        assertTrue(zh.body().contains("lang=\"zh"));
        HttpResponse<String> en = send(HttpRequest.newBuilder(uri(pack)).header("Accept", "text/html").header("Accept-Language", "en-GB,en"));
        assertTrue(en.body().contains("Nyingchi black tea"));
        assertTrue(get(pack + "?lang=en", "text/html").body().contains("lang=\"en"));
    }

    @Test
    void jsonClientsGetTheSameStory() throws Exception {
        JsonObject lot = lot();
        String pack = packPath(lot);
        HttpResponse<String> response = get(pack, "application/json");
        assertEquals(200, response.statusCode());
        JsonObject story = new JsonObject(response.body());
        assertEquals("pack", story.getJsonObject("code").getString("level"));
        assertEquals(lot.getString("lotCode"), story.getJsonObject("lot").getString("lotCode"));
        assertEquals("Nyingchi black tea", story.getJsonObject("product").getJsonObject("name").getString("en"));
        assertEquals(1, story.getJsonArray("origin").size());
        assertEquals("harvest", story.getJsonArray("timeline").getJsonObject(0).getString("step"));
    }

    @Test
    void servesALinksetAndRedirectsToEachLinkType() throws Exception {
        String pack = packPath(lot());
        HttpResponse<String> linkset = get(pack, "application/linkset+json");
        assertEquals("application/linkset+json", linkset.headers().firstValue("Content-Type").orElseThrow());
        JsonObject set = new JsonObject(linkset.body()).getJsonArray("linkset").getJsonObject(0);
        assertTrue(set.getString("anchor").endsWith(pack));
        assertTrue(set.containsKey("https://gs1.org/voc/pip"));
        assertTrue(set.containsKey("https://gs1.org/voc/traceability"));
        assertFalse(set.containsKey("https://gs1.org/voc/recall"), "no recall link while not recalled");
        assertEquals(linkset.body(), get(pack + "?linkType=all", "text/html").body());

        HttpResponse<String> redirect = get(pack + "?linkType=gs1:traceability", "text/html");
        assertEquals(307, redirect.statusCode());
        String target = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(target.startsWith("https://trace.example.cn" + pack), "links are on the public base URL: " + target);
        assertTrue(new JsonObject(send(HttpRequest.newBuilder(uri(target.substring("https://trace.example.cn".length())))).body())
                .containsKey("timeline"));
        assertEquals(200, get("/.well-known/gs1resolver", "application/json").statusCode());
    }

    @Test
    void redirectsANonCanonicalLinkAndExplainsAnInvalidOne() throws Exception {
        JsonObject lot = lot();
        String gtin13 = lot.getString("gtin").substring(1);
        HttpResponse<String> redirect = get("/01/" + gtin13 + "/10/" + lot.getString("lotCode"), "text/html");
        assertEquals(301, redirect.statusCode());
        assertEquals("/01/" + lot.getString("gtin") + "/10/" + lot.getString("lotCode"), redirect.headers().firstValue("Location").orElseThrow());

        String wrong = lot.getString("gtin").substring(0, 13) + ((lot.getString("gtin").charAt(13) - '0' + 1) % 10);
        HttpResponse<String> invalid = get("/01/" + wrong + "/10/" + lot.getString("lotCode"), "text/html");
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("check digit"), invalid.body());
    }

    @Test
    void anUnknownCodeIsAFriendlyNotFoundPage() throws Exception {
        JsonObject lot = lot();
        HttpResponse<String> unknownLot = get("/01/" + lot.getString("gtin") + "/10/NO-SUCH-LOT", "text/html");
        assertEquals(404, unknownLot.statusCode());
        assertTrue(unknownLot.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertFalse(unknownLot.body().contains("Exception"));
        assertEquals(404, get(lotPath(lot) + "/21/GUESSED2345AB", "text/html").statusCode(), "a guessed serial finds nothing");
    }

    @Test
    void aRecallIsTheFirstThingThePageSays() throws Exception {
        JsonObject lot = lot();
        Api.Response recall = api.post("/api/v1/lots/" + lot.getLong("id") + "/recall", coop.token(),
                new JsonObject().put("reason", "农残超标"));
        assertEquals(200, recall.status(), recall.body());
        String page = get(packPath(lot), "text/html").body();
        int banner = page.indexOf("农残超标");
        assertTrue(banner > 0, "the reason is shown");
        assertTrue(banner < page.indexOf("林芝红茶", page.indexOf("<body")), "before the product name");
        JsonObject set = new JsonObject(get(packPath(lot), "application/linkset+json").body()).getJsonArray("linkset").getJsonObject(0);
        assertTrue(set.containsKey("https://gs1.org/voc/recall"));
    }

    @Test
    void aStoryAlreadyServedShowsANewCertificateAndARecallOnTheNextScan() throws Exception {
        long product = fixtures.product(coop, "tea", "kg");
        JsonObject lot = lot(product);
        String pack = packPath(lot);
        JsonObject before = new JsonObject(get(pack, "application/json").body());
        assertTrue(before.getJsonArray("certificates").isEmpty());
        String etagBefore = get(pack, "application/json").headers().firstValue("ETag").orElseThrow();

        Api.Response certificate = api.post("/api/v1/certifications", coop.token(), new JsonObject().put("type", "organic")
                .put("number", "ORG-CACHE-1").put("issuer", "中绿华夏有机食品认证中心").put("validFrom", "2026-01-01")
                .put("validTo", "2099-12-31").put("productId", product));
        assertEquals(201, certificate.status(), certificate.body());
        HttpResponse<String> certified = get(pack, "application/json");
        assertEquals("ORG-CACHE-1", new JsonObject(certified.body()).getJsonArray("certificates").getJsonObject(0).getString("number"));
        assertFalse(etagBefore.equals(certified.headers().firstValue("ETag").orElseThrow()), "a changed story has a new ETag");

        assertEquals(200, api.post("/api/v1/lots/" + lot.getLong("id") + "/recall", coop.token(),
                new JsonObject().put("reason", "包装破损")).status());
        JsonObject after = new JsonObject(get(pack, "application/json").body());
        assertEquals("包装破损", after.getJsonObject("recall").getString("reason"));
        assertEquals(4, after.getJsonObject("authenticity").getInteger("scans"), "every scan counted, served from memory or not");
    }

    @Test
    void aProductNamedScriptShowsAsText() throws Exception {
        Api.Response product = api.post("/api/v1/products", coop.token(), new JsonObject().put("gtin", Fixtures.gtin13())
                .put("name", new JsonObject().put("zh", "<script>alert(1)</script>").put("en", "<b>bold</b>"))
                .put("commodity", "tea").put("unit", "kg"));
        Api.Response lot = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(product.json().getLong("id"), farm));
        String page = get(lotPath(lot.json()), "text/html").body();
        assertFalse(page.contains("<script"), "no script tag at all");
        assertTrue(page.contains("&lt;script&gt;"));
    }

    @Test
    void aPackScannedTooOftenOrInDistantPlacesIsFlagged() throws Exception {
        JsonObject lot = lot();
        String pack = packPath(lot);
        get(pack, "text/html", "Guangdong");
        HttpResponse<String> second = get(pack, "application/json", "Xizang");
        JsonObject authenticity = new JsonObject(second.body()).getJsonObject("authenticity");
        assertEquals(2, authenticity.getInteger("scans"));
        assertTrue(authenticity.getBoolean("suspicious"), authenticity.encode());
        assertTrue(authenticity.getJsonArray("reasons").getString(0).contains("Guangdong"));

        String other = packPath(lot, 1);
        for (int i = 0; i < 21; i++) {
            get(other, "application/json", "Xizang");
        }
        JsonObject many = new JsonObject(get(other, "application/json", "Xizang").body()).getJsonObject("authenticity");
        assertTrue(many.getBoolean("suspicious"));
        assertTrue(many.getJsonArray("reasons").getString(0).contains("22 times"), many.encode());
        assertTrue(get(other, "text/html", "Xizang").body().contains("23"), "the page says how often (this scan is the 23rd)");

        JsonObject summary = api.get("/api/v1/lots/" + lot.getLong("id") + "/scans", coop.token()).json();
        assertTrue(summary.getLong("scans") >= 25);
        assertFalse(summary.getJsonArray("byRegion").isEmpty());
        assertFalse(summary.getJsonArray("suspiciousCodes").isEmpty());
        assertEquals(403, api.get("/api/v1/lots/" + lot.getLong("id") + "/scans", fixtures.party("retailer").token()).status());
    }

    @Test
    void thePublicReportsAProblemAndTheOwnerReadsIt() throws Exception {
        JsonObject lot = lot();
        String pack = packPath(lot);
        HttpResponse<String> sent = postForm(pack + "/feedback", "category=quality&text="
                + URLEncoder.encode("茶叶受潮 <b>damp</b>", StandardCharsets.UTF_8) + "&contact=", "10.1.1.1");
        assertEquals(303, sent.statusCode(), sent.body());
        JsonArray items = api.get("/api/v1/lots/" + lot.getLong("id") + "/feedback", coop.token()).json().getJsonArray("items");
        assertEquals("茶叶受潮 <b>damp</b>", items.getJsonObject(0).getString("text"));
        assertEquals(400, postForm(pack + "/feedback", "category=quality&text=" + "x".repeat(1001), "10.1.1.2").statusCode());
        assertEquals(400, postForm(pack + "/feedback", "category=weather&text=hi", "10.1.1.2").statusCode());
        HttpResponse<String> json = send(HttpRequest.newBuilder(uri(pack + "/feedback")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "10.1.1.3").POST(HttpRequest.BodyPublishers.ofString("{\"category\": \"safety\", \"text\": \"包装破损\"}")));
        assertEquals(201, json.statusCode(), json.body());
        assertEquals(400, send(HttpRequest.newBuilder(uri(pack + "/feedback")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "10.1.1.3").POST(HttpRequest.BodyPublishers.ofString("{\"category\": "))).statusCode(),
                "malformed JSON is a 400, not a 500");
        for (int i = 0; i < 4; i++) {
            assertEquals(303, postForm(pack + "/feedback", "category=other&text=again", "10.1.1.1").statusCode());
        }
        assertEquals(429, postForm(pack + "/feedback", "category=other&text=again", "10.1.1.1").statusCode(), "five an hour");
    }

    @Test
    void answersHeadWithoutCountingAScanAndRevalidatesByETag() throws Exception {
        String pack = packPath(lot());
        HttpResponse<String> head = send(HttpRequest.newBuilder(uri(pack)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals(404, send(HttpRequest.newBuilder(uri("/01/" + pack.substring(4, 18) + "/10/NOPE"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode());

        HttpResponse<String> first = get(pack, "application/json");
        assertEquals(1, new JsonObject(first.body()).getJsonObject("authenticity").getInteger("scans"), "HEAD is no scan");
        String cache = first.headers().firstValue("Cache-Control").orElseThrow();
        assertTrue(cache.contains("max-age=30") && cache.contains("must-revalidate"), cache);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, send(HttpRequest.newBuilder(uri(pack)).header("Accept", "application/json")
                .header("If-None-Match", etag)).statusCode(), "unchanged story");
    }

    @Test
    void limitsHowOftenOneClientMayAsk() throws Exception {
        String pack = packPath(lot());
        int limited = 0;
        for (int i = 0; i < 130; i++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(pack)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("X-Forwarded-For", "198.51.100.7"));
            if (response.statusCode() == 429) {
                limited++;
            }
        }
        assertTrue(limited >= 10, "120 a minute, then 429: " + limited);
        assertEquals(200, send(HttpRequest.newBuilder(uri(pack)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("X-Forwarded-For", "198.51.100.8")).statusCode(), "other clients are not held up");
    }

    @Test
    void theTypicalPageWeighsUnder60KilobytesCompressed() throws Exception {
        HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(uri(packPath(lot()))).header("Accept", "text/html")
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", page.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(page.body().length < 60 * 1024, "compressed bytes: " + page.body().length);
    }

    private JsonObject lot() {
        return lot(tea);
    }

    private JsonObject lot(long product) {
        Api.Response created = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(product, farm));
        assertEquals(201, created.status(), created.body());
        JsonObject lot = created.json();
        Api.Response codes = api.post("/api/v1/lots/" + lot.getLong("id") + "/codes", coop.token(), new JsonObject().put("count", 3));
        assertEquals(201, codes.status(), codes.body());
        return lot.put("codes", codes.json().getJsonArray("first"));
    }

    private static String lotPath(JsonObject lot) {
        return "/01/" + lot.getString("gtin") + "/10/" + lot.getString("lotCode");
    }

    private static String packPath(JsonObject lot) {
        return packPath(lot, 0);
    }

    private static String packPath(JsonObject lot, int index) {
        String uri = lot.getJsonArray("codes").getString(index);
        return uri.substring(uri.indexOf("/01/"));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + server.config.port() + path);
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept));
    }

    private HttpResponse<String> get(String path, String accept, String region) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).header("X-Client-Region", region));
    }

    private HttpResponse<String> postForm(String path, String form, String client) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
