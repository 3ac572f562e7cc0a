package org.plateautrace.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.plateautrace.model.Codes;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.events.Recording.ItemError;
import org.plateautrace.service.BatchRefused;

/**
 * A strict reader of a JSON request body: unknown fields and values of the wrong JSON type are
 * refused with the field's full path (e.g. {@code quantity.value}), never ignored or coerced.
 */
public final class JsonInput {
    private final JsonObject json;
    private final String path;

    private JsonInput(JsonObject json, String path, Set<String> allowed) {
        this.json = json;
        this.path = path;
        for (String name : json.fieldNames()) {
            if (!allowed.contains(name)) {
                throw new Invalid(field(name), "is not a field of this request; allowed: " + String.join(", ", allowed));
            }
        }
    }

    /** The request body as a JSON object with only the allowed fields. */
    public static JsonInput body(RoutingContext ctx, Set<String> allowed) {
        if (!(bodyValue(ctx) instanceof JsonObject object)) {
            throw new Invalid(null, "the request body must be a JSON object");
        }
        return new JsonInput(object, "", allowed);
    }

    /** The request body parsed as JSON (object, array...); refuses an empty or malformed body. */
    public static Object bodyValue(RoutingContext ctx) {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw new Invalid(null, "the request needs a JSON body");
        }
        try {
            return io.vertx.core.json.Json.decodeValue(text);
        } catch (DecodeException e) {
            throw new MalformedJson(e.getMessage());
        }
    }

    /** A JSON object (e.g. one item of a batch) with only the allowed fields. */
    public static JsonInput of(Object value, Set<String> allowed) {
        if (!(value instanceof JsonObject object)) {
            throw new Invalid(null, "must be a JSON object");
        }
        return new JsonInput(object, "", allowed);
    }

    /** The raw value of a field, for requests whose shape depends on it (one event or a batch). */
    public boolean has(String name) {
        return json.containsKey(name);
    }

    /** An array of objects, each with only the allowed fields; paths read {@code name[i].field}. */
    public java.util.List<JsonInput> objects(String name, boolean required, Set<String> allowed) {
        Object value = value(name, required);
        if (value == null) {
            return java.util.List.of();
        }
        if (!(value instanceof io.vertx.core.json.JsonArray array)) {
            throw new Invalid(field(name), "must be a JSON array");
        }
        java.util.List<JsonInput> items = new java.util.ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject object)) {
                throw new Invalid(field(name) + "[" + i + "]", "must be a JSON object");
            }
            items.add(new JsonInput(object, field(name) + "[" + i + "].", allowed));
        }
        return items;
    }

    /**
     * A required array of objects, each read by {@code read}, all or nothing: every item that cannot be read
     * is listed in one {@link BatchRefused} ({@code what} names the items, e.g. "lots").
     */
    public <T> java.util.List<T> each(String name, Set<String> allowed, Function<JsonInput, T> read, String what) {
        Object value = value(name, true);
        if (!(value instanceof io.vertx.core.json.JsonArray array)) {
            throw new Invalid(field(name), "must be a JSON array");
        }
        java.util.List<T> items = new java.util.ArrayList<>(array.size());
        java.util.List<ItemError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = field(name) + "[" + i + "]";
            try {
                if (!(array.getValue(i) instanceof JsonObject object)) {
                    throw new Invalid(at, "must be a JSON object");
                }
                items.add(read.apply(new JsonInput(object, at + ".", allowed)));
            } catch (Invalid e) {
                errors.add(new ItemError(i, 400, e.field(), e.detail()));
            }
        }
        if (!errors.isEmpty()) {
            throw new BatchRefused(what, array.size(), errors);
        }
        return items;
    }

    /** An optional array of strings (empty when absent). */
    public java.util.List<String> strings(String name) {
        Object value = value(name, false);
        if (value == null) {
            return java.util.List.of();
        }
        if (!(value instanceof io.vertx.core.json.JsonArray array)) {
            throw new Invalid(field(name), "must be a JSON array of strings");
        }
        java.util.List<String> texts = new java.util.ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String text)) {
                throw new Invalid(field(name) + "[" + i + "]", "must be a string");
            }
            texts.add(text);
        }
        return texts;
    }

    /** A nested object; null when absent and not required. */
    public JsonInput object(String name, boolean required, Set<String> allowed) {
        Object value = value(name, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            throw new Invalid(field(name), "must be a JSON object");
        }
        return new JsonInput(object, field(name) + ".", allowed);
    }

    public String string(String name, boolean required) {
        Object value = value(name, required);
        if (value != null && !(value instanceof String)) {
            throw new Invalid(field(name), "must be a string");
        }
        return (String) value;
    }

    public Long id(String name, boolean required) {
        Object value = value(name, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || number.longValue() < 1) {
            throw new Invalid(field(name), "must be a positive whole number (an id)");
        }
        return number.longValue();
    }

    public BigDecimal decimal(String name, boolean required) {
        Object value = value(name, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number)) {
            throw new Invalid(field(name), "must be a number");
        }
        return new BigDecimal(number.toString());
    }

    public Double number(String name) {
        BigDecimal value = decimal(name, false);
        return value == null ? null : value.doubleValue();
    }

    public Boolean bool(String name) {
        Object value = value(name, false);
        if (value != null && !(value instanceof Boolean)) {
            throw new Invalid(field(name), "must be true or false");
        }
        return (Boolean) value;
    }

    public LocalDate date(String name, boolean required) {
        return parse(name, required, LocalDate::parse, "must be a date like 2026-05-02");
    }

    public OffsetDateTime dateTime(String name, boolean required) {
        return parse(name, required, OffsetDateTime::parse, "must be a date and time with offset like 2026-05-02T08:00:00+08:00");
    }

    /** A free-form JSON object as a map (e.g. commodity attributes, checked by the domain later). */
    public Map<String, Object> map(String name) {
        Object value = value(name, false);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            throw new Invalid(field(name), "must be a JSON object");
        }
        return object.getMap();
    }

    public <E extends Enum<E>> E code(String name, Class<E> type, String what) {
        String text = string(name, true);
        return at(name, () -> Codes.parse(type, text, what));
    }

    /** Reads a string with a domain parser; the parser's complaint is reported at this field. */
    public <T> T parsed(String name, boolean required, Function<String, T> parser) {
        String text = string(name, required);
        return text == null ? null : at(name, () -> parser.apply(text));
    }

    /** Builds a value, reporting the domain's complaints at this object's path (and below). */
    public <T> T build(Supplier<T> builder) {
        try {
            return builder.get();
        } catch (Invalid e) {
            boolean alreadyFull = e.field() != null && e.field().startsWith(path);
            throw path.isEmpty() || alreadyFull ? e : e.at(path.substring(0, path.length() - 1));
        }
    }

    private <T> T at(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (Invalid e) {
            throw e.at(field(name));
        }
    }

    private <T> T parse(String name, boolean required, Function<String, T> parser, String expectation) {
        String text = string(name, required);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            throw new Invalid(field(name), expectation);
        }
    }

    private Object value(String name, boolean required) {
        Object value = json.getValue(name);
        if (value == null && required) {
            throw new Invalid(field(name), "is required");
        }
        return value;
    }

    private String field(String name) {
        return path + name;
    }

    /** The body is not JSON at all. */
    public static final class MalformedJson extends RuntimeException {
        MalformedJson(String detail) {
            super(detail, null, false, false);
        }
    }
}
