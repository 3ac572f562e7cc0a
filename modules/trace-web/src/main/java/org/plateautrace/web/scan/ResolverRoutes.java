package org.plateautrace.web.scan;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.codes.DigitalLink;
import org.plateautrace.service.Refusal;
import org.plateautrace.service.scan.StoryService;
import org.plateautrace.service.scan.StoryService.Client;
import org.plateautrace.service.scan.StoryService.TooMany;
import org.plateautrace.web.JsonInput;
import org.plateautrace.web.Problems;
import org.plateautrace.web.ClientAddress;
import org.plateautrace.web.RateLimit;
import org.plateautrace.web.Replies;

/**
 * The GS1 Digital Link resolver at the public root: {@code /01/{gtin}[/10/{lot}][/21/{serial}]}. A
 * browser gets the consumer page, {@code Accept: application/json} the story as JSON, an RFC 9264
 * linkset on {@code Accept: application/linkset+json} or {@code ?linkType=all}; {@code ?linkType=gs1:…}
 * redirects (307) to that link; a valid but non-canonical link redirects (301) to the canonical one.
 */
public final class ResolverRoutes {
    public static final String REGION_HEADER = "X-Client-Region";
    private static final String GS1 = "https://gs1.org/voc/";
    private static final long FEEDBACK_BODY_LIMIT = 8 * 1024;
    /** A code's state may change (a recall): caches keep an answer briefly and revalidate by ETag. */
    private static final String CACHE = "private, max-age=30, must-revalidate";

    private final StoryService stories;
    private final String publicBaseUrl;
    private final RateLimit rateLimit;

    public ResolverRoutes(StoryService stories, String publicBaseUrl, RateLimit rateLimit) {
        this.stories = stories;
        this.publicBaseUrl = publicBaseUrl;
        this.rateLimit = rateLimit;
    }

    /** Mounts the resolver on the root router. */
    public void mount(Router root) {
        root.get("/.well-known/gs1resolver").handler(this::describe);
        root.routeWithRegex("/01/.+").handler(this::limit);
        root.postWithRegex("/01/.+/feedback").handler(BodyHandler.create(false).setBodyLimit(FEEDBACK_BODY_LIMIT)).handler(this::feedback);
        root.getWithRegex("/01/.+").handler(this::resolve);
        root.headWithRegex("/01/.+").handler(this::head);
    }

    /** Per-client rate limit of the public resolver (the client's address, as the proxy reports it). */
    private void limit(RoutingContext ctx) {
        if (rateLimit.allow(ClientAddress.of(ctx), System.currentTimeMillis())) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Retry-After", "60");
        Problems.send(ctx, 429, "too-many-requests", "Too many requests",
                "at most " + rateLimit.perMinute() + " requests a minute from one client", null, new JsonObject());
    }

    /** HEAD: whether the code resolves, with the page's headers, recording no scan. */
    private void head(RoutingContext ctx) {
        DigitalLink.Parsed parsed;
        try {
            parsed = DigitalLink.parse(ctx.request().path());
        } catch (Invalid e) {
            ctx.response().setStatusCode(400).end();
            return;
        }
        if (!parsed.canonical()) {
            ctx.response().setStatusCode(301).putHeader("Location", parsed.link().path()).end();
            return;
        }
        stories.recalled(parsed.link()).onSuccess(recalled -> ctx.response().setStatusCode(200)
                        .putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", CACHE).end())
                .onFailure(error -> ctx.response().setStatusCode(error instanceof Refusal.NotFound ? 404 : 500).end());
    }

    private void describe(RoutingContext ctx) {
        Replies.send(ctx, 200, new JsonObject().put("name", "Plateau Trace resolver").put("resolverRoot", publicBaseUrl)
                .put("supportedPrimaryKeys", new JsonArray().add("gtin"))
                .put("supportedQualifiers", new JsonArray().add("10").add("21"))
                .put("supportedLinkTypes", new JsonArray().add("gs1:pip").add("gs1:traceability").add("gs1:certificationInfo")
                        .add("gs1:recall"))
                .put("linkTypeDefaultCanBeLinkset", false)
                .put("supportedContextValuesEnumerated", new JsonArray()));
    }

    private void resolve(RoutingContext ctx) {
        String path = ctx.request().path();
        String lang = lang(ctx);
        DigitalLink.Parsed parsed;
        try {
            parsed = DigitalLink.parse(path);
        } catch (Invalid e) {
            if (wantsJson(ctx)) {
                ctx.fail(new Invalid(null, "not a valid GS1 Digital Link: " + e.detail()));
            } else {
                html(ctx, 400, ConsumerPage.invalid(path, e.detail(), lang));
            }
            return;
        }
        DigitalLink link = parsed.link();
        if (!parsed.canonical()) {
            String query = ctx.request().query();
            ctx.response().setStatusCode(301).putHeader("Location", link.path() + (query == null ? "" : "?" + query)).end();
            return;
        }
        String linkType = ctx.queryParams().get("linkType");
        String accept = String.valueOf(ctx.request().getHeader("Accept"));
        if ("all".equals(linkType) || (linkType == null && accept.contains("application/linkset+json"))) {
            stories.recalled(link).onSuccess(recalled -> ctx.response().setStatusCode(200)
                            .putHeader("Content-Type", "application/linkset+json").end(linkset(link, recalled).encode()))
                    .onFailure(error -> missing(ctx, error, path, lang));
            return;
        }
        if (linkType != null) {
            String target = links(link).getString(linkType);
            if (target == null) {
                ctx.fail(new Invalid("linkType", "one of all, gs1:pip, gs1:traceability, gs1:certificationInfo, gs1:recall"));
                return;
            }
            ctx.response().setStatusCode(307).putHeader("Location", target).end();
            return;
        }
        String format = ctx.queryParams().get("format");
        Client client = new Client(ctx.request().getHeader(REGION_HEADER), ClientAddress.of(ctx), ctx.request().getHeader("User-Agent"));
        String kind = "certificates".equals(format) || "recall".equals(format) ? format
                : "json".equals(format) || (format == null && wantsJson(ctx)) ? "json" : "html";
        stories.story(link, client).onSuccess(answer -> {
            // the story's per-code parts follow from the URL, so the lot's story tag and the representation name it
            String etag = "\"" + answer.tag() + "-" + kind + "-" + lang + "\"";
            ctx.response().putHeader("Cache-Control", CACHE).putHeader("ETag", etag).putHeader("Vary", "Accept, Accept-Language");
            if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
                ctx.response().setStatusCode(304).end();
                return;
            }
            switch (kind) {
                case "certificates" -> Replies.send(ctx, 200, new JsonObject().put("certificates", answer.lot().getJsonArray("certificates")));
                case "recall" -> Replies.send(ctx, 200, new JsonObject().put("recall", answer.lot().getValue("recall")));
                case "json" -> ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(answer.encode());
                default -> html(ctx, 200, ConsumerPage.render(answer.json(), lang));
            }
        }).onFailure(error -> missing(ctx, error, path, lang));
    }

    private void feedback(RoutingContext ctx) {
        String path = ctx.request().path();
        DigitalLink link = DigitalLink.parse(path.substring(0, path.length() - "/feedback".length())).link();
        MultiMap form = ctx.request().formAttributes();
        boolean json = String.valueOf(ctx.request().getHeader("Content-Type")).startsWith("application/json");
        JsonInput body = json ? JsonInput.body(ctx, java.util.Set.of("category", "text", "contact")) : null;
        String category = json ? body.string("category", true) : form.get("category");
        String text = json ? body.string("text", true) : form.get("text");
        String contact = json ? body.string("contact", false) : form.get("contact");
        Client client = new Client(ctx.request().getHeader(REGION_HEADER), ClientAddress.of(ctx), ctx.request().getHeader("User-Agent"));
        stories.feedback(link, client, category, text, contact).onSuccess(id -> {
            if (json) {
                Replies.send(ctx, 201, new JsonObject().put("id", id).put("status", "received"));
            } else {
                ctx.response().setStatusCode(303).putHeader("Location", link.path() + "?feedback=sent").end();
            }
        }).onFailure(error -> {
            if (error instanceof TooMany tooMany) {
                Problems.send(ctx, 429, "too-many-requests", "Too many reports", tooMany.getMessage(), null, new JsonObject());
            } else {
                ctx.fail(error);
            }
        });
    }

    private void missing(RoutingContext ctx, Throwable error, String path, String lang) {
        if (error instanceof Refusal.NotFound && !wantsJson(ctx)) {
            html(ctx, 404, ConsumerPage.notFound(path, lang));
        } else {
            ctx.fail(error);
        }
    }

    /** The link types this resolver serves for a code, by their gs1: name. */
    private JsonObject links(DigitalLink link) {
        String self = publicBaseUrl + link.path();
        return new JsonObject().put("gs1:pip", self + "?format=html").put("gs1:traceability", self + "?format=json")
                .put("gs1:certificationInfo", self + "?format=certificates").put("gs1:recall", self + "?format=recall");
    }

    private JsonObject linkset(DigitalLink link, boolean recalled) {
        JsonObject links = links(link);
        JsonObject set = new JsonObject().put("anchor", publicBaseUrl + link.path())
                .put(GS1 + "pip", target(links.getString("gs1:pip"), "text/html", "产品溯源信息 Product traceability page"))
                .put(GS1 + "traceability", target(links.getString("gs1:traceability"), "application/json", "Traceability story (JSON)"))
                .put(GS1 + "certificationInfo", target(links.getString("gs1:certificationInfo"), "application/json", "Certificates"));
        if (recalled) {
            set.put(GS1 + "recall", target(links.getString("gs1:recall"), "application/json", "召回通知 Recall notice"));
        }
        return new JsonObject().put("linkset", new JsonArray().add(set));
    }

    private static JsonArray target(String href, String type, String title) {
        return new JsonArray().add(new JsonObject().put("href", href).put("type", type).put("title", title)
                .put("hreflang", new JsonArray(List.of("zh", "en"))));
    }

    private static boolean wantsJson(RoutingContext ctx) {
        String accept = String.valueOf(ctx.request().getHeader("Accept"));
        return accept.contains("application/json") && !accept.contains("text/html");
    }

    private static String lang(RoutingContext ctx) {
        String asked = ctx.queryParams().get("lang");
        if ("en".equals(asked) || "zh".equals(asked)) {
            return asked;
        }
        String header = String.valueOf(ctx.request().getHeader("Accept-Language")).toLowerCase();
        return header.startsWith("en") ? "en" : "zh";
    }

    private static void html(RoutingContext ctx, int status, String page) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'")
                .end(page);
    }

}
