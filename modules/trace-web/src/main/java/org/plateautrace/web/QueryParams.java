package org.plateautrace.web;

import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Function;
import org.plateautrace.model.Codes;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.PageRequest;

/** Query parameters, read strictly: an unknown parameter is refused, not ignored. */
public final class QueryParams {
    public static final int DEFAULT_LIMIT = 50;
    private final RoutingContext ctx;

    private QueryParams(RoutingContext ctx, Set<String> allowed) {
        this.ctx = ctx;
        for (String name : ctx.queryParams().names()) {
            if (!allowed.contains(name)) {
                throw new Invalid(name, "is not a parameter here; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    /** The parameters of a request that takes exactly these. */
    public static QueryParams of(RoutingContext ctx, String... names) {
        return new QueryParams(ctx, Set.of(names));
    }

    /** The parameters of a paged list: its filters plus {@code limit} and {@code after}. */
    public static QueryParams ofList(RoutingContext ctx, String... filters) {
        java.util.Set<String> allowed = new java.util.HashSet<>(Set.of(filters));
        allowed.add("limit");
        allowed.add("after");
        return new QueryParams(ctx, allowed);
    }

    public String string(String name) {
        String value = ctx.queryParams().get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public Long id(String name) {
        return parse(name, Long::valueOf, "must be a whole number");
    }

    public boolean flag(String name) {
        String value = string(name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new Invalid(name, "must be true or false");
    }

    public OffsetDateTime dateTime(String name) {
        return parse(name, OffsetDateTime::parse, "must be a date and time with offset like 2026-05-02T08:00:00%2B08:00");
    }

    public <E extends Enum<E>> E code(String name, Class<E> type, String what) {
        String value = string(name);
        return value == null ? null : domain(name, () -> Codes.parse(type, value, what));
    }

    /** Reads a parameter with a domain parser (e.g. a GTIN); its complaint is reported at this parameter. */
    public <T> T parsed(String name, Function<String, T> parser) {
        String value = string(name);
        return value == null ? null : domain(name, () -> parser.apply(value));
    }

    public PageRequest page() {
        Long limit = id("limit");
        return domain("limit", () -> new PageRequest(id("after"), limit == null ? DEFAULT_LIMIT : limit.intValue()));
    }

    private <T> T parse(String name, Function<String, T> parser, String expectation) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new Invalid(name, expectation);
        }
    }

    private static <T> T domain(String name, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (Invalid e) {
            throw e.field() == null ? e.at(name) : e;
        }
    }
}
