package org.plateautrace.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import io.vertx.core.json.JsonObject;

/** The OpenAPI description of the operator API, written as YAML in resources and also served as JSON. */
public record OpenApiDocument(String yaml, String json) {
    public static final String RESOURCE = "openapi.yaml";

    /** Reads the document from the classpath (blocking: call on a worker). */
    @SuppressWarnings("unchecked")
    public static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Object> tree = new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class);
            return new OpenApiDocument(yaml, new JsonObject(tree).encodePrettily());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
