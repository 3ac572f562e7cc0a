package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plateautrace.model.lots.PackBounds;
import org.plateautrace.service.Services;
import org.plateautrace.store.Database;
import org.plateautrace.store.TestDatabase;
import org.plateautrace.web.OpenApiDocument;
import org.plateautrace.web.WebConfig;
import org.plateautrace.web.WebRouter;

/** The OpenAPI document served at /openapi.json names exactly the routes the server has, and hangs together. */
@ExtendWith(VertxExtension.class)
class OpenApiContractTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void documentsExactlyTheRoutesTheRouterServes(Vertx vertx, VertxTestContext test) {
        OpenApiDocument document = OpenApiDocument.load();
        Database.open(vertx, TestDatabase.fresh(), 2).onComplete(test.succeeding(database -> test.verify(() -> {
            Router router = WebRouter.create(vertx, Services.on(vertx, database.pool(), Clock.systemUTC(), "http://localhost:8080", PackBounds.DEFAULT),
                    new WebConfig(8080, "http://localhost:8080", java.nio.file.Path.of("spool")), document, new org.plateautrace.web.RateLimit(60));
            Set<String> served = new TreeSet<>();
            collect(router, "", served);
            assertEquals(documented(new JsonObject(document.json())), served);
            database.close().onComplete(test.succeedingThenComplete());
        })));
    }

    @Test
    void everyReferenceResolvesAndEveryOperationIsNamedOnce() {
        JsonObject document = new JsonObject(OpenApiDocument.load().json());
        assertEquals("3.1.0", document.getString("openapi"));
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        assertFalse(references.isEmpty());
        for (String reference : references) {
            Object target = document;
            for (String part : reference.substring(2).split("/")) {
                target = target instanceof JsonObject object ? object.getValue(part) : null;
            }
            assertNotNull(target, "unresolved " + reference);
        }
        List<String> operationIds = new ArrayList<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (HTTP_METHODS.contains(method)) {
                    JsonObject operation = item.getJsonObject(method);
                    operationIds.add(operation.getString("operationId"));
                    assertFalse(operation.getJsonObject("responses").isEmpty(), method + " " + path);
                }
            }
        }
        assertEquals(operationIds.size(), new TreeSet<>(operationIds).size(), "operationIds are unique: " + operationIds);
    }

    private static void collectReferences(Object node, List<String> references) {
        if (node instanceof JsonObject object) {
            object.forEach(entry -> {
                if (entry.getKey().equals("$ref")) {
                    references.add((String) entry.getValue());
                } else {
                    collectReferences(entry.getValue(), references);
                }
            });
        } else if (node instanceof JsonArray array) {
            array.forEach(item -> collectReferences(item, references));
        }
    }

    private static Set<String> documented(JsonObject document) {
        Set<String> operations = new TreeSet<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (String method : paths.getJsonObject(path).fieldNames()) {
                if (HTTP_METHODS.contains(method)) {
                    operations.add(method.toUpperCase() + " " + path);
                }
            }
        }
        return operations;
    }

    private static void collect(Router router, String prefix, Set<String> served) {
        for (Route route : router.getRoutes()) {
            String path = route.getPath() == null ? "" : route.getPath();
            if (route.getSubRouter() != null) {
                collect(route.getSubRouter(), prefix + path.replaceAll("/?\\*?$", ""), served);
            } else if (route.getPath() != null && route.methods() != null && !route.methods().isEmpty()) {
                String openApiPath = (prefix + path).replaceAll(":(\\w+)", "{$1}");
                route.methods().forEach(method -> served.add(method.name() + " " + openApiPath));
            }
        }
    }
}
