package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.model.codes.Serial;

/** Lot QR codes, serialised pack codes and their downloads, proved by decoding what was rendered. */
class CodeApiTest extends ServerTest {
    private Fixtures.Party coop;
    private long site;
    private long tea;

    @BeforeAll
    void registerProducer() {
        coop = fixtures.party("cooperative");
        site = fixtures.site(coop);
        tea = fixtures.product(coop, "tea", "kg");
    }

    @Test
    void lotQrPngDecodesToExactlyTheLotsDigitalLink() throws Exception {
        // A fixed code: ZXing's detector misses about 1 in 200 perfect synthetic images (its own writer's
        // too; zbar reads them), so random content would make this test flaky.
        Api.Response created = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(tea, site).put("lotCode", "YG-QR-0001"));
        assertEquals(201, created.status(), created.body());
        JsonObject lot = created.json();
        Api.Response png = api.get("/api/v1/lots/" + lot.getLong("id") + "/qr.png?size=300&ec=Q", coop.token());

        assertEquals(200, png.status());
        assertEquals("image/png", png.contentType());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.raw()));
        assertEquals(300, image.getWidth());
        Result decoded = new QRCodeReader().decode(bitmap(image));
        assertEquals(lot.getString("digitalLink"), decoded.getText());
    }

    @Test
    void lotQrIsCacheableAndAnswers304WhenUnchanged() {
        long lot = lot(10).getLong("id");
        Api.Response first = api.get("/api/v1/lots/" + lot + "/qr.png", coop.token());
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertTrue(first.header("Cache-Control").contains("max-age"));

        assertEquals(304, api.get("/api/v1/lots/" + lot + "/qr.png", coop.token(), "If-None-Match", etag).status());
        Api.Response bigger = api.get("/api/v1/lots/" + lot + "/qr.png?size=600", coop.token(), "If-None-Match", etag);
        assertEquals(200, bigger.status(), "another size is another image");

        Api.Response svg = api.get("/api/v1/lots/" + lot + "/qr.svg", coop.token());
        assertEquals("image/svg+xml", svg.contentType());
        assertTrue(svg.body().contains("viewBox"));
        assertEquals("size", api.get("/api/v1/lots/" + lot + "/qr.png?size=5000", coop.token()).field());
        assertEquals("size", api.get("/api/v1/lots/" + lot + "/qr.png?size=4294967396", coop.token()).field());
        assertEquals("ec", api.get("/api/v1/lots/" + lot + "/qr.png?ec=X", coop.token()).field());
    }

    @Test
    void issuesPackCodesWithUnguessableReadableSerialsInOneBatch() {
        JsonObject lot = lot(50);
        Api.Response issued = api.post("/api/v1/lots/" + lot.getLong("id") + "/codes", coop.token(), new JsonObject().put("count", 1000));

        assertEquals(201, issued.status(), issued.body());
        JsonObject batch = issued.json();
        assertEquals(1000, batch.getInteger("count"));
        assertEquals("/api/v1/code-batches/" + batch.getLong("id"), issued.location());
        assertEquals(10, batch.getJsonArray("first").size());
        for (Object first : batch.getJsonArray("first")) {
            DigitalLink link = DigitalLink.parse((String) first).link();
            assertTrue(((String) first).startsWith("https://trace.example.cn/01/" + lot.getString("gtin") + "/10/" + lot.getString("lotCode") + "/21/"));
            assertEquals(Serial.GENERATED_LENGTH, link.serial().value().length());
            assertTrue(link.serial().value().chars().allMatch(c -> Serial.ALPHABET.indexOf(c) >= 0));
        }
        assertEquals(batch.getJsonArray("first"), api.get("/api/v1/code-batches/" + batch.getLong("id"), coop.token()).json().getJsonArray("first"));
    }

    @Test
    void csvStreamsEveryCodeOnceWithItsDigitalLink() {
        JsonObject lot = lot(1000);
        JsonObject batch = api.post("/api/v1/lots/" + lot.getLong("id") + "/codes", coop.token(), new JsonObject().put("count", 100_000)).json();

        Api.Response csv = api.get(batch.getJsonObject("links").getString("csv"), coop.token());
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("serial,digital_link", lines.get(0));
        assertEquals(100_001, lines.size());
        Set<String> serials = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split(",");
            serials.add(columns[0]);
            assertTrue(columns[1].endsWith("/21/" + columns[0]), line);
        }
        assertEquals(100_000, serials.size(), "every serial once");
        assertEquals(batch.getJsonArray("first").getString(0), lines.get(1).split(",")[1]);
    }

    @Test
    void refusesMoreCodesThanTheLotCanPlausiblyHold() {
        long lot = lot(1).getLong("id");   // 1 kg: at most 100 packs of 10 g
        Api.Response tooMany = api.post("/api/v1/lots/" + lot + "/codes", coop.token(), new JsonObject().put("count", 101));
        assertEquals(400, tooMany.status());
        assertEquals("count", tooMany.field());
        assertTrue(tooMany.json().getString("detail").contains("at most 100"), tooMany.body());

        assertEquals(201, api.post("/api/v1/lots/" + lot + "/codes", coop.token(), new JsonObject().put("count", 60)).status());
        assertEquals(400, api.post("/api/v1/lots/" + lot + "/codes", coop.token(), new JsonObject().put("count", 41)).status());
        assertEquals(201, api.post("/api/v1/lots/" + lot + "/codes", coop.token(), new JsonObject().put("count", 40)).status());
        assertEquals("count", api.post("/api/v1/lots/" + lot + "/codes", coop.token(), new JsonObject().put("count", 0)).field());
        assertEquals("count", api.post("/api/v1/lots/" + lot + "/codes", coop.token(), new JsonObject().put("count", 100_001)).field());
    }

    @Test
    void onlyTheLotsOwnerIssuesAndDownloadsItsCodes() {
        long lot = lot(10).getLong("id");
        long batch = api.post("/api/v1/lots/" + lot + "/codes", coop.token(), new JsonObject().put("count", 5)).json().getLong("id");
        Fixtures.Party other = fixtures.party("cooperative");
        Fixtures.Party regulator = fixtures.party("regulator");

        for (String token : new String[]{other.token(), regulator.token()}) {
            assertEquals(403, api.post("/api/v1/lots/" + lot + "/codes", token, new JsonObject().put("count", 1)).status());
            assertEquals(403, api.get("/api/v1/code-batches/" + batch + "/codes.csv", token).status());
            assertEquals(403, api.get("/api/v1/code-batches/" + batch + "/labels.pdf", token).status());
        }
        assertEquals(401, api.get("/api/v1/code-batches/" + batch + "/codes.csv", null).status());
        assertEquals(404, api.get("/api/v1/code-batches/999999/codes.csv", coop.token()).status());
    }

    @Test
    void listsALotsCodeBatchesNewestFirstWithTheirDownloadsForTheOwnerOnly() {
        long lot = lot(10).getLong("id");
        long first = api.post("/api/v1/lots/" + lot + "/codes", coop.token(), new JsonObject().put("count", 3)).json().getLong("id");
        long second = api.post("/api/v1/lots/" + lot + "/codes", coop.token(), new JsonObject().put("count", 2)).json().getLong("id");

        Api.Response listed = api.get("/api/v1/lots/" + lot + "/code-batches", coop.token());
        assertEquals(200, listed.status(), listed.body());
        io.vertx.core.json.JsonArray items = listed.json().getJsonArray("items");
        assertEquals(List.of(second, first), items.stream().map(item -> ((JsonObject) item).getLong("id")).toList());
        JsonObject older = items.getJsonObject(1);
        assertEquals(3, older.getInteger("count"));
        assertNotNull(older.getString("createdAt"));
        assertEquals(3, api.get(older.getJsonObject("links").getString("csv"), coop.token()).body().lines().count() - 1);
        assertEquals(200, api.get(older.getJsonObject("links").getString("labels"), coop.token()).status());

        assertEquals(403, api.get("/api/v1/lots/" + lot + "/code-batches", fixtures.party("regulator").token()).status());
        assertEquals(403, api.get("/api/v1/lots/" + lot + "/code-batches", fixtures.party("cooperative").token()).status());
        assertEquals(404, api.get("/api/v1/lots/999999/code-batches", coop.token()).status());
    }

    @Test
    void labelSheetCarriesAScannableLabelPerCodeWithChineseText() throws Exception {
        long lot = lot(10).getLong("id");
        JsonObject batch = api.post("/api/v1/lots/" + lot + "/codes", coop.token(), new JsonObject().put("count", 30)).json();
        Api.Response pdf = api.get(batch.getJsonObject("links").getString("labels"), coop.token());

        assertEquals(200, pdf.status(), pdf.body());
        assertEquals("application/pdf", pdf.contentType());
        List<String> csv = api.get(batch.getJsonObject("links").getString("csv"), coop.token()).body().lines().skip(1).toList();
        try (PDDocument document = Loader.loadPDF(pdf.raw())) {
            assertEquals(2, document.getNumberOfPages(), "24 labels to an A4 sheet");
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("林芝红茶"), "Chinese product name is real text in the PDF");
            assertTrue(text.contains(csv.get(0).split(",")[0]), "serial printed");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 300, ImageType.GRAY);
            Set<String> decoded = new HashSet<>();
            for (Result result : new QRCodeMultiReader().decodeMultiple(bitmap(page), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))) {
                decoded.add(result.getText());
            }
            Set<String> pageOne = new HashSet<>(csv.subList(0, 24).stream().map(line -> line.split(",")[1]).toList());
            assertTrue(pageOne.containsAll(decoded), "every decoded label is one of page one's codes: " + decoded);
            assertTrue(decoded.size() >= 20, "labels scan (ZXing misses about 1 in 200 synthetic codes): " + decoded.size());
        }

        Api.Response range = api.get(batch.getJsonObject("links").getString("labels") + "?from=25&count=6", coop.token());
        try (PDDocument document = Loader.loadPDF(range.raw())) {
            assertEquals(1, document.getNumberOfPages());
            assertTrue(new PDFTextStripper().getText(document).contains(csv.get(24).split(",")[0]));
        }
        String labels = batch.getJsonObject("links").getString("labels");
        assertEquals("from", api.get(labels + "?from=31", coop.token()).field());
        assertEquals("from", api.get(labels + "?from=0", coop.token()).field());
        assertEquals("count", api.get(labels + "?count=0", coop.token()).field());
        assertEquals("count", api.get(labels + "?count=10001", coop.token()).field());
        assertEquals("limit", api.get(labels + "?limit=5", coop.token()).field());
    }

    private JsonObject lot(double kilograms) {
        Api.Response created = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(tea, site)
                .put("quantity", new JsonObject().put("value", kilograms).put("unit", "kg")));
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        return new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    }
}
