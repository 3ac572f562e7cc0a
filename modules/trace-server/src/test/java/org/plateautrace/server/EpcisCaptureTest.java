package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plateautrace.model.epcis.EpcisDocuments;
import org.plateautrace.model.epcis.EpcisEventHash;
import org.plateautrace.model.ledger.CanonicalJson;
import org.plateautrace.service.epcis.EpcisService;

/** The EPCIS 2.0 capture interface: GS1's own examples, idempotence, error behaviours, limits, versions. */
class EpcisCaptureTest extends ServerTest {
    private Fixtures.Party company;
    private Fixtures.Party regulator;

    @BeforeAll
    void parties() {
        company = fixtures.party("enterprise");
        regulator = fixtures.party("regulator");
    }

    @Test
    void capturesEveryGs1ExampleAndQueriesItBackUnchanged() {
        Map<String, String> firstContent = new HashMap<>();
        Set<String> checked = new java.util.HashSet<>();
        for (Path file : EpcisConformance.examples()) {
            JsonObject document = EpcisConformance.json(file);
            JsonArray events = eventList(document);
            Object context = plain(document.getValue("@context"));
            List<Integer> conflicting = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                JsonObject event = events.getJsonObject(i);
                String id = event.containsKey("eventID") ? event.getString("eventID")
                        : EpcisEventHash.of(plainMap(event), EpcisDocuments.namespaces(context));
                ids.add(id);
                String content = standardContent(event);
                String before = firstContent.putIfAbsent(id, content);
                if (before != null && !before.equals(content)) {
                    conflicting.add(i);
                }
            }
            JsonObject job = capture(document.encode(), conflicting.isEmpty() ? "rollback" : "proceed");
            assertEquals(Set.copyOf(conflicting), indexes(job), file + ": only GS1's reused eventIDs with other content are refused: " + job);
            assertEquals(conflicting.isEmpty(), job.getBoolean("success"), file + " " + job);
            for (int i = 0; i < events.size(); i++) {
                if (conflicting.contains(i)) {
                    continue;
                }
                Api.Response found = api.get("/epcis/events/" + URLEncoder.encode(ids.get(i), StandardCharsets.UTF_8), company.token());
                assertEquals(200, found.status(), file + " event " + i + ": " + found.body());
                JsonObject sent = events.getJsonObject(i);
                JsonObject back = found.json();
                for (String field : sent.fieldNames()) {
                    if (!field.equals("recordTime")) {
                        assertEquals(CanonicalJson.write(plain(sent.getValue(field))), CanonicalJson.write(plain(back.getValue(field))),
                                file + " event " + i + " field " + field);
                    }
                }
                assertEquals(ids.get(i), back.getString("eventID"), "an event without eventID is named by its GS1 event hash");
                assertNotNull(back.getString("recordTime"));
                EpcisConformance.assertValid(found.body());
                checked.add(ids.get(i));
            }
        }
        assertTrue(checked.size() >= 45, "distinct events checked: " + checked.size());
        Api.Response all = api.get("/epcis/events?perPage=1000", regulator.token());
        assertEquals(200, all.status(), all.body());
        EpcisConformance.assertValid(all.body());
        Api.Response ledger = api.get("/api/v1/ledger/verify", regulator.token());
        assertTrue(ledger.json().getBoolean("intact"), "captured events extend the hash chain: " + ledger.body());
        assertTrue(eventList(all.json()).size() >= checked.size(), eventList(all.json()).size() + " events for the regulator, " + checked.size() + " checked");
    }

    @Test
    void capturingTheSameDocumentTwiceStoresEachEventOnce() {
        String document = document(event("urn:uuid:5b0c2d1e-0000-4000-8000-000000000001", "OBSERVE"),
                event(null, "OBSERVE").put("bizStep", "receiving")).encode();
        JsonObject first = capture(document, "rollback");
        assertEquals(2, first.getInteger("stored"));
        JsonObject second = capture(document, "rollback");
        assertTrue(second.getBoolean("success"), second.encode());
        assertEquals(0, second.getInteger("stored"));
        assertEquals(2, second.getInteger("duplicates"));
        Api.Response byId = api.get("/epcis/events?EQ_eventID=" + URLEncoder.encode("urn:uuid:5b0c2d1e-0000-4000-8000-000000000001",
                StandardCharsets.UTF_8), company.token());
        assertEquals(1, eventList(byId.json()).size());
    }

    @Test
    void rollbackStoresNothingWhenOneEventIsRefusedAndProceedStoresTheRest() {
        String good = "urn:uuid:5b0c2d1e-0000-4000-8000-000000000002";
        JsonObject document = document(event(good, "OBSERVE"), event("urn:uuid:5b0c2d1e-0000-4000-8000-000000000003", "UPDATE"));
        JsonObject rolledBack = capture(document.encode(), null);
        assertFalse(rolledBack.getBoolean("success"));
        assertEquals("rollback", rolledBack.getString("captureErrorBehaviour"));
        JsonObject error = rolledBack.getJsonArray("errors").getJsonObject(0);
        assertEquals(1, error.getInteger("index"));
        assertEquals("action", error.getString("field"));
        assertEquals(404, api.get("/epcis/events/" + URLEncoder.encode(good, StandardCharsets.UTF_8), company.token()).status(),
                "nothing of a rolled back capture is stored");

        JsonObject proceeded = capture(document.encode(), "proceed");
        assertFalse(proceeded.getBoolean("success"));
        assertEquals(1, proceeded.getInteger("stored"));
        assertEquals(Set.of(1), indexes(proceeded));
        assertEquals(200, api.get("/epcis/events/" + URLEncoder.encode(good, StandardCharsets.UTF_8), company.token()).status());
    }

    @Test
    void refusesADocumentOverTheCaptureLimitWith413() {
        JsonArray events = new JsonArray();
        for (int i = 0; i <= 10_000; i++) {
            events.add(event("urn:uuid:5b0c2d1e-0000-4000-9000-" + String.format("%012d", i), "OBSERVE"));
        }
        Api.Response tooMany = api.send("POST", "/epcis/capture", company.token(), document(events).encode());
        assertEquals(413, tooMany.status(), tooMany.body());
        assertEquals("application/problem+json", tooMany.contentType());
        assertEquals(404, api.get("/epcis/events/urn%3Auuid%3A5b0c2d1e-0000-4000-9000-000000000000", company.token()).status());

        String huge = document(event("urn:uuid:5b0c2d1e-0000-4000-8000-000000000004", "OBSERVE")
                .put("ex:padding", "x".repeat(17 * 1024 * 1024))).encode();
        assertEquals(413, api.send("POST", "/epcis/capture", company.token(), huge).status());
        assertEquals(413, api.postStreamed("/epcis/capture", company.token(), huge.getBytes(StandardCharsets.UTF_8)).status(),
                "a body sent without a length is counted as it comes");
        for (int i = 0; i < 5; i++) {
            byte[] justOver = new byte[(int) EpcisService.FILE_SIZE_LIMIT + 1];
            Arrays.fill(justOver, (byte) ' ');
            assertEquals(413, api.postStreamed("/epcis/capture", company.token(), justOver).status(),
                    "a body that ends while it is being refused is still answered");
        }
        assertEquals(404, api.get("/epcis/events/urn%3Auuid%3A5b0c2d1e-0000-4000-8000-000000000004", company.token()).status());
    }

    @Test
    void capturesADocumentSentWithoutALength() {
        String id = "urn:uuid:5b0c2d1e-0000-4000-8000-000000000005";
        Api.Response accepted = api.postStreamed("/epcis/capture", company.token(),
                document(event(id, "OBSERVE")).encode().getBytes(StandardCharsets.UTF_8));
        assertEquals(1, finished(accepted).getInteger("stored"));
    }

    @Test
    void aClientThatGoesAwayBeforeTheDocumentEndsStoresNothingAndTheServerGoesOn() throws Exception {
        String gone = "urn:uuid:5b0c2d1e-0000-4000-8000-000000000009";
        byte[] whole = document(event(gone, "OBSERVE")).encode().getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", server.config.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /epcis/capture HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + company.token()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (whole.length + 100) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(whole); // 100 bytes short of what it announced
            out.flush();
        }
        String next = "urn:uuid:5b0c2d1e-0000-4000-8000-000000000010";
        assertEquals(1, finished(api.post("/epcis/capture", company.token(), document(event(next, "OBSERVE")).encode()))
                .getInteger("stored"), "the next capture is stored");
        assertEquals(404, api.get("/epcis/events/" + URLEncoder.encode(gone, StandardCharsets.UTF_8), company.token()).status(),
                "a document that did not arrive whole is not captured");
        for (int wait = 0; spooled(gone) && wait < 100; wait++) {
            Thread.sleep(100);
        }
        assertFalse(spooled(gone), "the part that arrived is not left in the spool directory");
    }

    /** Whether a file in the server's spool directory holds this event ID. */
    private boolean spooled(String eventId) throws IOException {
        try (Stream<Path> files = Files.list(server.config.dataDir().resolve("spool"))) {
            return files.anyMatch(f -> {
                try {
                    return Files.readString(f).contains(eventId);
                } catch (IOException e) {
                    return false; // deleted meanwhile
                }
            });
        }
    }

    @Test
    void rollbackStoresNothingOfALargeDocumentWhoseLastEventIsRefusedAndProceedStoresTheRest() {
        JsonArray events = new JsonArray();
        for (int i = 0; i < 2_500; i++) {
            events.add(event(uuid("a000", i), "OBSERVE"));
        }
        events.add(event(uuid("a000", 2_500), "UPDATE"));
        String document = document(events).encode();
        JsonObject rolledBack = capture(document, "rollback");
        assertFalse(rolledBack.getBoolean("success"));
        assertEquals(Set.of(2_500), indexes(rolledBack));
        assertEquals(404, api.get("/epcis/events/" + URLEncoder.encode(uuid("a000", 0), StandardCharsets.UTF_8), company.token()).status(),
                "nothing of a rolled back capture is stored, not even the events read long before the refused one");

        JsonObject proceeded = capture(document, "proceed");
        assertEquals(2_500, proceeded.getInteger("stored"));
        assertEquals(Set.of(2_500), indexes(proceeded));
        assertEquals(200, api.get("/epcis/events/" + URLEncoder.encode(uuid("a000", 2_499), StandardCharsets.UTF_8), company.token()).status());
        assertTrue(api.get("/api/v1/ledger/verify", regulator.token()).json().getBoolean("intact"));
    }

    @Test
    void anEventIdRepeatedFarApartInOneDocumentIsStoredOnceAndOtherContentUnderItIsRefused() {
        JsonArray events = new JsonArray().add(event(uuid("b000", 0), "OBSERVE"));
        for (int i = 1; i < 1_500; i++) {
            events.add(event(uuid("b000", i), "OBSERVE"));
        }
        events.add(event(uuid("b000", 0), "OBSERVE")).add(event(uuid("b000", 0), "OBSERVE").put("bizStep", "receiving"));
        JsonObject rolledBack = capture(document(events).encode(), "rollback");
        assertFalse(rolledBack.getBoolean("success"));
        assertEquals(Set.of(1_501), indexes(rolledBack));
        assertEquals("eventID", rolledBack.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(404, api.get("/epcis/events/" + URLEncoder.encode(uuid("b000", 0), StandardCharsets.UTF_8), company.token()).status());

        JsonObject proceeded = capture(document(events).encode(), "proceed");
        assertEquals(1_500, proceeded.getInteger("stored"));
        assertEquals(1, proceeded.getInteger("duplicates"));
        assertEquals(Set.of(1_501), indexes(proceeded));
        Api.Response byId = api.get("/epcis/events?EQ_eventID=" + URLEncoder.encode(uuid("b000", 0), StandardCharsets.UTF_8), company.token());
        assertEquals(1, eventList(byId.json()).size());
        assertEquals("shipping", eventList(byId.json()).getJsonObject(0).getString("bizStep"), "the first content stays");
    }

    @Test
    void optionsAdvertisesTheCaptureLimitsAndEveryAnswerNamesTheVersions() {
        Api.Response options = api.send("OPTIONS", "/epcis/capture", null, null);
        assertEquals(204, options.status());
        assertEquals("10000", options.header("GS1-EPCIS-Capture-Limit"));
        assertEquals(String.valueOf(16 * 1024 * 1024), options.header("GS1-EPCIS-Capture-File-Size-Limit"));
        Api.Response query = api.get("/epcis/events", company.token());
        assertEquals("2.0.0", query.header("GS1-EPCIS-Version"));
        assertEquals("2.0.0", query.header("GS1-CBV-Version"));
    }

    @Test
    void refusesAnUnsupportedEpcisVersion() {
        Api.Response refused = api.send("POST", "/epcis/capture", company.token(), document(event(null, "OBSERVE")).encode(),
                "GS1-EPCIS-Version", "1.2.0");
        assertEquals(406, refused.status());
        assertEquals("GS1-EPCIS-Version", refused.field());
        assertEquals(406, api.get("/epcis/events", company.token(), "GS1-EPCIS-Version", "3.0.0").status());
    }

    @Test
    void refusesWhatIsNotAnEpcisDocumentNamingTheField() {
        Api.Response notADocument = api.send("POST", "/epcis/capture", company.token(), new JsonObject().put("type", "Order").encode());
        assertEquals(400, notADocument.status());
        assertEquals("type", notADocument.field());
        Api.Response noBody = api.send("POST", "/epcis/capture", company.token(),
                new JsonObject().put("type", "EPCISDocument").encode());
        assertEquals("epcisBody", noBody.field());
        assertEquals(400, api.send("POST", "/epcis/capture", company.token(), "{\"type\": ").status());
        assertEquals(400, api.send("POST", "/epcis/capture", company.token(), document(event(null, "OBSERVE")).encode(),
                "GS1-Capture-Error-Behaviour", "ignore").status());
        assertEquals(401, api.send("POST", "/epcis/capture", null, document(event(null, "OBSERVE")).encode()).status());
        assertEquals(403, api.send("POST", "/epcis/capture", regulator.token(), document(event(null, "OBSERVE")).encode()).status(),
                "a regulator reads and does not write");
    }

    @Test
    void capturesOneEventAtEventsAndRefusesABadOneNamingTheField() {
        JsonObject event = event(null, "OBSERVE").put("@context", new JsonArray().add(EpcisDocuments.EPCIS_CONTEXT));
        Api.Response created = api.send("POST", "/epcis/events", company.token(), event.encode());
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("eventID");
        assertTrue(id.startsWith("ni:///sha-256;"), id);
        assertEquals("/epcis/events/" + URLEncoder.encode(id, StandardCharsets.UTF_8), created.location());
        assertEquals(200, api.get(created.location(), company.token()).status());
        assertEquals(200, api.send("POST", "/epcis/events", company.token(), event.encode()).status(), "the same event again");

        Api.Response bad = api.send("POST", "/epcis/events", company.token(), event.copy()
                .put("quantityList", new JsonArray().add(new JsonObject().put("epcClass", "urn:epc:class:lgtin:4012345.012345.1").put("uom", "kg")))
                .encode());
        assertEquals(400, bad.status());
        assertEquals("quantityList[0].uom", bad.field());
        Api.Response urn = api.send("POST", "/epcis/events", company.token(), event.copy()
                .put("bizStep", "urn:epcglobal:cbv:bizstep:shipping").encode());
        assertEquals(400, urn.status(), "GS1's JSON Schema wants CBV short names");
        assertEquals("bizStep", urn.field());
        Api.Response longId = api.send("POST", "/epcis/events", company.token(), event.copy()
                .put("eventID", "urn:example:" + "x".repeat(600)).encode());
        assertEquals(400, longId.status(), "an identifier too long to index is refused, not a server error");
        assertEquals("eventID", longId.field());
        Api.Response otherContent = api.send("POST", "/epcis/events", company.token(), event.copy().put("eventID", id)
                .put("bizStep", "receiving").encode());
        assertEquals(409, otherContent.status(), "an eventID already recorded with other content");
        Api.Response noTime = api.send("POST", "/epcis/events", company.token(), event.copy().put("eventTime", "yesterday").encode());
        assertEquals("eventTime", noTime.field());
    }

    /** Captures a document and waits for its job to finish; answers the job. */
    private JsonObject capture(String document, String behaviour) {
        Api.Response accepted = behaviour == null ? api.send("POST", "/epcis/capture", company.token(), document)
                : api.send("POST", "/epcis/capture", company.token(), document, "GS1-Capture-Error-Behaviour", behaviour);
        return finished(accepted);
    }

    /** Waits for an accepted capture's job to finish; answers the job. */
    private JsonObject finished(Api.Response accepted) {
        assertEquals(202, accepted.status(), accepted.body());
        assertTrue(accepted.location().startsWith("/epcis/capture/"), accepted.location());
        for (int attempt = 0; attempt < 300; attempt++) {
            Api.Response job = api.get(accepted.location(), company.token());
            assertEquals(200, job.status(), job.body());
            if (!job.json().getBoolean("running")) {
                return job.json();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("capture still running after 30 s");
    }

    private static String uuid(String group, int n) {
        return "urn:uuid:5b0c2d1e-0000-4000-" + group + "-" + String.format("%012d", n);
    }

    static JsonObject event(String eventId, String action) {
        JsonObject event = new JsonObject().put("type", "ObjectEvent").put("eventTime", "2026-05-03T08:00:00+08:00")
                .put("eventTimeZoneOffset", "+08:00").put("action", action).put("bizStep", "shipping").put("disposition", "in_transit")
                .put("epcList", new JsonArray().add("urn:epc:id:sgtin:0614141.107346.2017"))
                .put("readPoint", new JsonObject().put("id", "urn:epc:id:sgln:0614141.07346.1234"));
        return eventId == null ? event : event.put("eventID", eventId);
    }

    static JsonObject document(JsonObject... events) {
        return document(new JsonArray(List.of((Object[]) events)));
    }

    static JsonObject document(JsonArray events) {
        return new JsonObject().put("@context", new JsonArray().add(EpcisDocuments.EPCIS_CONTEXT)
                        .add(new JsonObject().put("ex", "https://example.org/ns/")))
                .put("type", "EPCISDocument").put("schemaVersion", "2.0").put("creationDate", "2026-05-03T08:00:00Z")
                .put("epcisBody", new JsonObject().put("eventList", events));
    }

    static JsonArray eventList(JsonObject document) {
        JsonObject body = document.getJsonObject("epcisBody");
        return body.containsKey("eventList") ? body.getJsonArray("eventList")
                : body.getJsonObject("queryResults").getJsonObject("resultsBody").getJsonArray("eventList");
    }

    private static Set<Integer> indexes(JsonObject job) {
        return Set.copyOf(job.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getInteger("index")).toList());
    }

    /** The event's standard fields and extensions as canonical text (what "the same event" means here). */
    private static String standardContent(JsonObject event) {
        Map<String, Object> fields = new LinkedHashMap<>(plainMap(event));
        fields.remove("recordTime");
        fields.remove("@context");
        return CanonicalJson.write(fields);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> plainMap(JsonObject json) {
        return (Map<String, Object>) plain(json);
    }

    static Object plain(Object value) {
        if (value instanceof JsonObject object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.forEach(entry -> map.put(entry.getKey(), plain(entry.getValue())));
            return map;
        }
        if (value instanceof JsonArray array) {
            List<Object> list = new ArrayList<>();
            array.forEach(item -> list.add(plain(item)));
            return list;
        }
        return value;
    }
}
