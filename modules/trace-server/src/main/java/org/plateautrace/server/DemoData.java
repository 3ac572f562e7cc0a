package org.plateautrace.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.plateautrace.service.registry.RegistryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo data set ({@code config/demo/demo-data.json}) into an empty platform through its own
 * operator API, so the demo passes every rule real users meet. Each party's token is written to
 * {@code <data-dir>/demo-tokens.env} for the README's curl examples.
 */
final class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String RESOURCE = "demo/demo-data.json";
    /** Every demo person's console password (fictitious demo data; README says so). */
    static final String CONSOLE_PASSWORD = "plateau-demo-2026";

    private final WebClient client;
    private final int port;
    private final StringBuilder tokens = new StringBuilder();

    private DemoData(WebClient client, int port) {
        this.client = client;
        this.port = port;
    }

    static Future<Void> loadIfEmpty(Vertx vertx, RegistryService registry, ServerConfig config,
                                    Optional<String> adminToken, boolean adminTokenIsNew) {
        return registry.hasParties().compose(hasParties -> {
            if (hasParties) {
                LOG.info("demo data not loaded: the database already has parties");
                return Future.succeededFuture();
            }
            if (adminToken.isEmpty()) {
                LOG.warn("demo data not loaded: the administrator token is not known (set PLATEAU_ADMIN_TOKEN)");
                return Future.succeededFuture();
            }
            WebClient client = WebClient.create(vertx);
            DemoData demo = new DemoData(client, config.port());
            if (adminTokenIsNew) {
                demo.tokens.append("ADMIN_TOKEN=").append(adminToken.get()).append('\n');
            }
            demo.tokens.append("CONSOLE_PASSWORD=").append(CONSOLE_PASSWORD).append('\n');
            return vertx.executeBlocking(DemoData::read)
                    .compose(data -> demo.load(data, adminToken.get()))
                    .compose(counts -> vertx.executeBlocking(() -> demo.writeTokens(config.dataDir()))
                            .onSuccess(file -> LOG.info("demo data loaded ({}); tokens in {}", counts, file)))
                    .onComplete(done -> client.close())
                    .mapEmpty();
        });
    }

    private static JsonObject read() {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Future<String> load(JsonObject data, String adminToken) {
        Map<String, Integer> counts = new HashMap<>();
        return inOrder(objects(data.getJsonArray("parties")), party -> loadParty(party, adminToken, counts))
                .map(done -> counts.toString());
    }

    private Future<Void> loadParty(JsonObject party, String adminToken, Map<String, Integer> counts) {
        JsonObject request = party.copy();
        for (String local : List.of("key", "sites", "products", "certifications", "lots")) {
            request.remove(local);
        }
        Map<String, Long> sites = new HashMap<>();
        Map<String, Long> products = new HashMap<>();
        return call("POST", "/api/v1/parties", adminToken, request).compose(created -> {
            count(counts, "parties");
            String token = created.getString("token");
            long partyId = created.getLong("id");
            tokens.append("TOKEN_").append(party.getString("key").toUpperCase(Locale.ROOT).replace('-', '_'))
                    .append('=').append(token).append('\n');
            return consoleUser(party, partyId, adminToken).compose(person -> inOrder(objects(party.getJsonArray("sites")), site -> call("POST", "/api/v1/sites", token, without(site, "key"))
                            .map(made -> record(sites, site, made, counts, "sites")))
                    .compose(v -> inOrder(objects(party.getJsonArray("products")), product ->
                            call("POST", "/api/v1/products", token, without(product, "key"))
                                    .map(made -> record(products, product, made, counts, "products"))))
                    .compose(v -> inOrder(objects(party.getJsonArray("certifications")), certificate ->
                            call("POST", "/api/v1/certifications", token, certification(certificate, partyId, sites, products))
                                    .map(made -> count(counts, "certifications"))))
                    .compose(v -> inOrder(objects(party.getJsonArray("lots")), lot ->
                            call("POST", "/api/v1/lots", token, without(lot, "productKey", "siteKey")
                                    .put("productId", products.get(lot.getString("productKey")))
                                    .put("siteId", sites.get(lot.getString("siteKey"))))
                                    .map(made -> count(counts, "lots")))));
        });
    }

    /** One console person per party, its login the party's key (see README for the password). */
    private Future<Void> consoleUser(JsonObject party, long partyId, String adminToken) {
        String role = "regulator".equals(party.getString("kind")) ? "regulator" : "party_admin";
        tokens.append("LOGIN_").append(party.getString("key").toUpperCase(Locale.ROOT).replace('-', '_'))
                .append('=').append(party.getString("key")).append('\n');
        return call("POST", "/api/v1/users", adminToken, new JsonObject().put("login", party.getString("key"))
                .put("name", party.getJsonObject("contact", new JsonObject()).getString("person", party.getString("name")))
                .put("role", role).put("partyId", partyId).put("password", CONSOLE_PASSWORD)).mapEmpty();
    }

    private static JsonObject certification(JsonObject certificate, long partyId, Map<String, Long> sites, Map<String, Long> products) {
        JsonObject request = without(certificate, "productKey", "siteKey", "partyLevel");
        if (certificate.getBoolean("partyLevel", false)) {
            return request.put("partyId", partyId);
        }
        return certificate.containsKey("siteKey") ? request.put("siteId", sites.get(certificate.getString("siteKey")))
                : request.put("productId", products.get(certificate.getString("productKey")));
    }

    private Future<JsonObject> call(String method, String path, String token, JsonObject body) {
        var request = client.request(io.vertx.core.http.HttpMethod.valueOf(method), port, "localhost", path)
                .bearerTokenAuthentication(token);
        Future<HttpResponse<Buffer>> response = body == null ? request.send() : request.sendJsonObject(body);
        return response.compose(answer -> answer.statusCode() < 300 ? Future.succeededFuture(answer.bodyAsJsonObject())
                : Future.failedFuture(new IllegalStateException("demo data refused: " + method + " " + path + " answered "
                        + answer.statusCode() + " " + answer.bodyAsString() + " for " + body)));
    }

    private Path writeTokens(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("demo-tokens.env");
        Files.writeString(file, "# Demo tokens (fictitious demo data; never use in production)\n" + tokens);
        return file;
    }

    private static Object record(Map<String, Long> ids, JsonObject item, JsonObject made, Map<String, Integer> counts, String what) {
        ids.put(item.getString("key"), made.getLong("id"));
        return count(counts, what);
    }

    private static Object count(Map<String, Integer> counts, String what) {
        return counts.merge(what, 1, Integer::sum);
    }

    private static JsonObject without(JsonObject json, String... fields) {
        JsonObject copy = json.copy();
        for (String field : fields) {
            copy.remove(field);
        }
        return copy;
    }

    private static List<JsonObject> objects(JsonArray array) {
        return array == null ? List.of() : array.stream().map(JsonObject.class::cast).toList();
    }

    /** Runs one step per item, each after the previous has finished (ids of earlier items are needed later). */
    private static <T> Future<Void> inOrder(List<T> items, Function<T, Future<?>> step) {
        Future<?> chain = Future.succeededFuture();
        for (T item : items) {
            chain = chain.compose(previous -> step.apply(item));
        }
        return chain.mapEmpty();
    }
}
