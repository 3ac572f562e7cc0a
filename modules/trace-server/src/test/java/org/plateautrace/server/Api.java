package org.plateautrace.server;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A plain HTTP client for the tests: real requests over the loopback, blocking the test thread. */
final class Api {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    record Response(int status, String contentType, String location, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }

        JsonArray items() {
            return json().getJsonArray("items");
        }

        /** The field a problem+json answer names. */
        String field() {
            return json().getString("field");
        }
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response post(String path, String token, Object body) {
        String text = body instanceof String s ? s : Json.encode(body);
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Optional<String> type = response.headers().firstValue("Content-Type");
            return new Response(response.statusCode(), type.orElse(null),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
