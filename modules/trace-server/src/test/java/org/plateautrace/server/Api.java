package org.plateautrace.server;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for the tests: real requests over the loopback, blocking the test thread. */
final class Api {
    /** A request the server never answers fails the test instead of hanging the build. */
    private static final Duration ANSWER_WITHIN = Duration.ofMinutes(3);
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    record Response(int status, HttpHeaders headers, byte[] raw) {
        String body() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        String location() {
            return header("Location");
        }

        JsonObject json() {
            return new JsonObject(body());
        }

        JsonArray items() {
            return json().getJsonArray("items");
        }

        /** The field a problem+json answer names. */
        String field() {
            return json().getString("field");
        }
    }

    Response get(String path, String token, String... headers) {
        HttpRequest.Builder request = request(path, token).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    Response post(String path, String token, Object body) {
        String text = body instanceof String s ? s : Json.encode(body);
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    /** Any method with a text body (or none) and extra headers, e.g. EPCIS capture with GS1 headers. */
    Response send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = request(path, token).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** A POST whose body is sent as it is read, in chunks, without a Content-Length. */
    Response postStreamed(String path, String token, byte[] body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
    }

    Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(ANSWER_WITHIN);
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
