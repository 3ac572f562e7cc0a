package org.plateautrace.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.plateautrace.model.JsonText;

/**
 * Answers as UTF-8 JSON bytes, written by Jackson's streaming generator (Vert.x's default codec goes
 * through databind and a String); JSON already written out ({@link JsonText}) goes in as it is.
 */
final class JsonBytes {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonBytes() {
    }

    static Buffer encode(Object value) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(8192)) {
            try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
                write(value, generator);
            }
            return Buffer.buffer(bytes.toByteArray());
        } catch (IOException e) {
            throw new EncodeException(e.getMessage(), e);
        }
    }

    private static void write(Object value, JsonGenerator generator) throws IOException {
        if (value instanceof JsonText text) {
            generator.writeRawValue(text.json());
        } else if (value instanceof JsonObject object) {
            writeObject(object.getMap(), generator);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, generator);
        } else if (value instanceof JsonArray array) {
            writeArray(array.getList(), generator);
        } else if (value instanceof List<?> list) {
            writeArray(list, generator);
        } else {
            JacksonCodec.encodeJson(value, generator);
        }
    }

    private static void writeObject(Map<?, ?> members, JsonGenerator generator) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<?, ?> member : members.entrySet()) {
            generator.writeFieldName((String) member.getKey());
            write(member.getValue(), generator);
        }
        generator.writeEndObject();
    }

    private static void writeArray(List<?> items, JsonGenerator generator) throws IOException {
        generator.writeStartArray();
        for (Object item : items) {
            write(item, generator);
        }
        generator.writeEndArray();
    }
}
