package org.plateautrace.server.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A running Plateau Trace server, through its HTTP API, as one party's token. */
final class HttpTarget implements Target {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    private HttpTarget(String server, String token) {
        this.base = server.replaceAll("/+$", "");
        this.token = token;
    }

    /** The server at this URL, once it has accepted the token (a refused token stops the command before any row). */
    static HttpTarget open(String server, String token) {
        HttpTarget target = new HttpTarget(server, token);
        Answer probe = target.answer(target.send(target.request("/api/v1/lots?limit=1").GET()));
        if (probe.status() == 401) {
            throw new IllegalArgumentException("the server at " + target.base + " refused the token: " + probe.detail());
        }
        return target;
    }

    @Override
    public Answer registerLots(JsonArray harvests) {
        return post("/api/v1/lots", new JsonObject().put("lots", harvests));
    }

    @Override
    public Answer lotsWithCode(String lotCode) {
        return answer(send(request("/api/v1/lots?lotCode=" + URLEncoder.encode(lotCode, StandardCharsets.UTF_8)).GET()));
    }

    @Override
    public Answer lot(long id) {
        return answer(send(request("/api/v1/lots/" + id).GET()));
    }

    @Override
    public Answer recordEvents(JsonObject body) {
        return post("/api/v1/events", body);
    }

    @Override
    public Answer capture(Path document, boolean atomic) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(document);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<String> accepted = send(request("/epcis/capture").header("Content-Type", "application/ld+json")
                .header("GS1-Capture-Error-Behaviour", atomic ? "rollback" : "proceed").POST(body));
        if (accepted.statusCode() != 202) {
            return answer(accepted);
        }
        String job = accepted.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("202 without Location"));
        while (true) {
            Answer state = answer(send(request(job).GET()));
            if (!state.ok() || !state.body().getBoolean("running", false)) {
                return state;
            }
            Pause.briefly();
        }
    }

    @Override
    public Answer events(ExportFilter filter, String next) {
        String path = next;
        if (path == null) {
            StringBuilder query = new StringBuilder("/epcis/events?perPage=1000");
            if (filter.epcClass() != null) {
                query.append("&MATCH_anyEPCClass=").append(URLEncoder.encode(filter.epcClass(), StandardCharsets.UTF_8));
            }
            if (filter.from() != null) {
                query.append("&GE_eventTime=").append(URLEncoder.encode(filter.from().toString(), StandardCharsets.UTF_8));
            }
            if (filter.to() != null) {
                query.append("&LT_eventTime=").append(URLEncoder.encode(filter.to().toString(), StandardCharsets.UTF_8));
            }
            path = query.toString();
        }
        HttpResponse<String> response = send(request(path).GET());
        Answer answer = answer(response);
        if (!answer.ok()) {
            return answer;
        }
        JsonArray events = answer.body().getJsonObject("epcisBody").getJsonObject("queryResults")
                .getJsonObject("resultsBody").getJsonArray("eventList");
        String link = response.headers().firstValue("Link").orElse(null);
        Matcher matcher = link == null ? null : NEXT.matcher(link);
        return new Answer(200, new JsonObject().put("events", events).put("next", matcher != null && matcher.find() ? matcher.group(1) : null));
    }

    @Override
    public void close() {
        // the JDK 17 client has nothing to close; its threads end with the JVM
    }

    private Answer post(String path, JsonObject body) {
        return answer(send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode()))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/ld+json, application/problem+json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the server at " + base + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Answer answer(HttpResponse<String> response) {
        String text = response.body();
        JsonObject body;
        try {
            body = text == null || text.isBlank() ? new JsonObject() : new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            body = new JsonObject().put("detail", text);
        }
        return new Answer(response.statusCode(), body);
    }
}
