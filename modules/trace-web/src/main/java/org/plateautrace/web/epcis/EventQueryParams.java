package org.plateautrace.web.epcis;

import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.epcis.Cbv;
import org.plateautrace.model.epcis.EventQuery;
import org.plateautrace.model.epcis.EventQuery.ValueBound;
import org.plateautrace.service.epcis.EpcisService;

/**
 * The query parameters of {@code GET /epcis/events}, read strictly: a parameter the platform does not
 * answer is refused (400 naming it), never ignored. A parameter may be repeated, or hold alternatives
 * separated by {@code |}.
 */
record EventQueryParams(EventQuery query, RoutingContext ctx) {
    static final int DEFAULT_PER_PAGE = 100;
    static final Set<String> NAMES = Set.of("eventType", "GE_eventTime", "LT_eventTime", "GE_recordTime", "LT_recordTime",
            "EQ_bizStep", "EQ_disposition", "EQ_readPoint", "EQ_bizLocation", "MATCH_epc", "MATCH_anyEPC", "MATCH_epcClass",
            "MATCH_anyEPCClass", "EQ_eventID", "EQ_type", "perPage", "nextPageToken");
    private static final Pattern VALUE = Pattern.compile("(GE|LT)_value_([A-Z0-9]{2,3})");

    static EventQueryParams read(RoutingContext ctx) {
        List<String> unknown = new ArrayList<>();
        List<ValueBound> bounds = new ArrayList<>();
        for (String name : new TreeSet<>(ctx.queryParams().names())) {
            Matcher value = VALUE.matcher(name);
            if (value.matches()) {
                bounds.add(new ValueBound(value.group(2), value.group(1).equals("GE"), decimal(ctx, name)));
            } else if (!NAMES.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new Invalid(unknown.get(0), "unsupported query parameter" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; supported: " + String.join(", ", new TreeSet<>(NAMES))
                    + ", GE_value_{uom}, LT_value_{uom}");
        }
        int perPage = DEFAULT_PER_PAGE;
        String per = single(ctx, "perPage");
        if (per != null) {
            try {
                perPage = Integer.parseInt(per);
            } catch (NumberFormatException e) {
                perPage = -1;
            }
            if (perPage < 1 || perPage > EpcisService.MAX_PER_PAGE) {
                throw new Invalid("perPage", "must be a whole number from 1 to " + EpcisService.MAX_PER_PAGE);
            }
        }
        Long after = null;
        String token = single(ctx, "nextPageToken");
        if (token != null) {
            try {
                after = Long.parseLong(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new Invalid("nextPageToken", "is not a token this server gave out");
            }
        }
        EventQuery query = new EventQuery(values(ctx, "eventType"), time(ctx, "GE_eventTime"), time(ctx, "LT_eventTime"),
                time(ctx, "GE_recordTime"), time(ctx, "LT_recordTime"),
                values(ctx, "EQ_bizStep").stream().flatMap(v -> Cbv.BIZ_STEP.spellings(v).stream()).toList(),
                values(ctx, "EQ_disposition").stream().flatMap(v -> Cbv.DISPOSITION.spellings(v).stream()).toList(),
                values(ctx, "EQ_readPoint"), values(ctx, "EQ_bizLocation"), values(ctx, "MATCH_epc"), values(ctx, "MATCH_anyEPC"),
                values(ctx, "MATCH_epcClass"), values(ctx, "MATCH_anyEPCClass"), values(ctx, "EQ_eventID"),
                values(ctx, "EQ_type").stream().map(org.plateautrace.model.epcis.EpcisEvents::sensorType).toList(), bounds, null,
                after, perPage);
        return new EventQueryParams(query, ctx);
    }

    /** The URL of the next page: the same parameters with the token of the last event of this page. */
    String nextPage(long lastRow) {
        StringBuilder url = new StringBuilder(ctx.request().path()).append("?nextPageToken=")
                .append(Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(lastRow).getBytes(StandardCharsets.UTF_8)));
        ctx.queryParams().forEach((name, value) -> {
            if (!name.equals("nextPageToken")) {
                url.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return url.toString();
    }

    private static List<String> values(RoutingContext ctx, String name) {
        List<String> out = new ArrayList<>();
        for (String value : ctx.queryParams().getAll(name)) {
            for (String part : value.split("\\|")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static String single(RoutingContext ctx, String name) {
        List<String> all = ctx.queryParams().getAll(name);
        if (all.size() > 1) {
            throw new Invalid(name, "may be given once");
        }
        return all.isEmpty() || all.get(0).isBlank() ? null : all.get(0);
    }

    private static OffsetDateTime time(RoutingContext ctx, String name) {
        String value = single(ctx, name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new Invalid(name, "must be a date and time with offset like 2026-05-02T08:00:00Z (encode + as %2B)");
        }
    }

    private static BigDecimal decimal(RoutingContext ctx, String name) {
        String value = single(ctx, name);
        if (value == null) {
            throw new Invalid(name, "needs a number");
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new Invalid(name, "must be a number");
        }
    }
}
