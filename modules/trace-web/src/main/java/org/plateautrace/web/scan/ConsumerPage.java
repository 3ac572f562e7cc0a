package org.plateautrace.web.scan;

import static org.plateautrace.web.scan.Html.arr;
import static org.plateautrace.web.scan.Html.bool;
import static org.plateautrace.web.scan.Html.escape;
import static org.plateautrace.web.scan.Html.num;
import static org.plateautrace.web.scan.Html.obj;
import static org.plateautrace.web.scan.Html.objects;
import static org.plateautrace.web.scan.Html.str;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The consumer page a shopper sees after scanning a pack's QR code, and the resolver's 404 and 400 pages.
 *
 * <p>Server-rendered HTML, Chinese by default and English on request, mobile first, with no script, no image, no
 * external request (inline style, system fonts, inline SVG charts). Every string taken from the story is escaped.
 * Sections, top to bottom: recall banner, product identity, origin, processing timeline, cold chain, certificates,
 * lab results, sale channel, authenticity, public feedback form. A part of the story that is missing or null is
 * left out; a part that is present but empty says that nothing is recorded.
 */
public final class ConsumerPage {
    private static final List<String> DEFAULT_FEEDBACK = List.of("quality", "counterfeit", "labelling", "safety", "other");

    private static final String STYLE = "*{box-sizing:border-box}html{overflow-anchor:none}"
            + "body{margin:0;font:15px/1.55 system-ui,-apple-system,\"PingFang SC\",\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;"
            + "color:#1f2529;background:#f3efe6;overflow-wrap:anywhere}"
            + "header{display:flex;justify-content:space-between;align-items:center;gap:8px;padding:8px 14px;background:#6d2a1a;color:#fff}"
            + "header a{color:#fff;font-weight:600}"
            + "main{max-width:640px;margin:0 auto;padding:0 8px 12px}"
            + "section{background:#fff;border-radius:10px;padding:12px 14px;margin:10px 0}"
            + "h1{font-size:1.45em;line-height:1.3;margin:.1em 0}h2{font-size:1.08em;margin:0 0 .5em;padding-left:8px;border-left:4px solid #b5651d}"
            + "h3{font-size:1em;margin:0}p{margin:.35em 0}ul,ol{margin:.3em 0;padding-left:1.2em}"
            + ".sub{color:#5b646b;margin:0}"
            + "dl{display:grid;grid-template-columns:minmax(5em,auto) 1fr;gap:2px 10px;margin:.4em 0}dt{color:#5b646b}dd{margin:0}"
            + ".card{border-top:1px solid #eee;padding:8px 0}.card:first-of-type{border-top:0}"
            + ".tl{list-style:none;padding:0 0 0 12px;border-left:2px solid #dccdb4}.tl li{margin:0 0 8px}"
            + ".tl time,.muted{color:#5b646b;font-size:.9em}"
            + ".tag{display:inline-block;padding:0 6px;border-radius:4px;font-size:.85em;background:#e8f5e9;color:#1b5e20}"
            + ".tag.bad{background:#ffebee;color:#b71c1c}.tag.dim{background:#eceff1;color:#455a64}"
            + ".ok{color:#1b5e20;font-weight:600}.bad{color:#b71c1c;font-weight:600}"
            + ".expired{color:#78848c}.expired h3{text-decoration:line-through}"
            + ".recall{background:#b71c1c;color:#fff;padding:12px 14px}.recall strong{font-size:1.2em}.recall p{margin:.25em 0}"
            + ".warn{background:#fff3e0;border:2px solid #e65100;border-radius:8px;padding:10px 12px;margin:8px 0;color:#5d2600}"
            + ".warn.top{margin:8px}.warn a{color:#5d2600}"
            + ".note{background:#fff8e1;border-radius:6px;padding:6px 10px}"
            + "svg{display:block;width:100%;height:auto;max-width:480px;margin:6px 0}"
            + "label{display:block;margin:.5em 0 .15em;font-weight:600}"
            + "select,textarea,input,button{font:inherit;width:100%;padding:8px;border:1px solid #b9b2a5;border-radius:6px;background:#fff}"
            + "button{margin-top:10px;background:#6d2a1a;color:#fff;border:0;font-weight:600}"
            + "footer{max-width:640px;margin:0 auto;padding:4px 14px 24px;color:#5b646b;font-size:.85em}"
            + "code{font-size:.9em}";

    private ConsumerPage() {
    }

    /** The product story page. lang is "zh" (default) or "en". */
    public static String render(JsonObject story, String lang) {
        Labels l = Labels.of(lang);
        JsonObject s = story == null ? new JsonObject() : story;
        JsonObject code = obj(s, "code");
        JsonObject product = obj(s, "product");
        boolean lotLevel = "lot".equals(str(code, "level"));
        String commodity = str(product, "commodity");
        boolean livestock = commodity != null && Labels.LIVESTOCK.contains(commodity);

        StringBuilder out = new StringBuilder(16_384);
        String name = productName(product, l);
        head(out, l, (name == null ? "" : name + " · ") + l.t("title"));
        recallBanner(out, obj(s, "recall"), l);
        header(out, l);
        JsonObject auth = obj(s, "authenticity");
        if (auth != null && Boolean.TRUE.equals(bool(auth, "suspicious"))) {
            out.append("<div class=\"warn top\" role=\"alert\"><strong>⚠ ").append(escape(l.t("suspect.head")))
                    .append("</strong> <a href=\"#authenticity\">").append(escape(l.t("suspect.jump"))).append("</a></div>");
        }
        out.append("<main>");
        identity(out, s, code, product, name, lotLevel, l);
        if (s.getValue("origin") != null) {
            origin(out, arr(s, "origin"), livestock, l);
        }
        if (s.getValue("timeline") != null) {
            timeline(out, arr(s, "timeline"), livestock, l);
        }
        JsonObject cold = obj(s, "coldChain");
        if (cold != null) {
            coldChain(out, cold, l);
        }
        if (s.getValue("certificates") != null) {
            certificates(out, arr(s, "certificates"), l);
        }
        if (s.getValue("labResults") != null) {
            labResults(out, arr(s, "labResults"), l);
        }
        if (s.getValue("sales") != null) {
            sales(out, arr(s, "sales"), l);
        }
        if (auth != null) {
            authenticity(out, auth, lotLevel, l);
        }
        feedback(out, obj(s, "feedback"), l);
        out.append("</main>");
        footer(out, str(code, "digitalLink"), l);
        return out.toString();
    }

    /** 404: unknown code (friendly, says the code is not registered, may be counterfeit; suggests reporting). */
    public static String notFound(String requestedPath, String lang) {
        Labels l = Labels.of(lang);
        StringBuilder out = new StringBuilder(4096);
        head(out, l, l.t("notFound.title"));
        header(out, l);
        out.append("<main><section><h1>").append(escape(l.t("notFound.title"))).append("</h1>");
        out.append("<div class=\"warn\" role=\"alert\"><p>").append(escape(l.t("notFound.body"))).append("</p></div>");
        requested(out, requestedPath, l);
        out.append("<p>").append(escape(l.t("notFound.advice"))).append("</p>");
        out.append("<p><a href=\"/\">").append(escape(l.t("home"))).append("</a></p></section></main>");
        footer(out, null, l);
        return out.toString();
    }

    /** 400: the link is not a valid GS1 Digital Link; shows the reason (escaped). */
    public static String invalid(String requestedPath, String reason, String lang) {
        Labels l = Labels.of(lang);
        StringBuilder out = new StringBuilder(4096);
        head(out, l, l.t("invalid.title"));
        header(out, l);
        out.append("<main><section><h1>").append(escape(l.t("invalid.title"))).append("</h1>");
        out.append("<p>").append(escape(l.t("invalid.body"))).append("</p><dl>");
        if (reason != null && !reason.isBlank()) {
            kv(out, l.t("invalid.reason"), escape(reason));
        }
        out.append("</dl>");
        requested(out, requestedPath, l);
        out.append("<p>").append(escape(l.t("invalid.advice"))).append("</p>");
        out.append("<p><a href=\"/\">").append(escape(l.t("home"))).append("</a></p></section></main>");
        footer(out, null, l);
        return out.toString();
    }

    // ---- page frame ----------------------------------------------------------------------------------------

    private static void head(StringBuilder out, Labels l, String title) {
        out.append("<!doctype html><html lang=\"").append(l.english() ? "en" : "zh-CN").append("\"><head>")
                .append("<meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\">")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>");
    }

    /** The site line and the language toggle: a plain relative link, no script. */
    private static void header(StringBuilder out, Labels l) {
        String other = l.english() ? "zh" : "en";
        out.append("<header><span>").append(escape(l.t("site"))).append("</span><a href=\"?lang=").append(other)
                .append("\" hreflang=\"").append(l.english() ? "zh-CN" : "en").append("\" lang=\"")
                .append(l.english() ? "zh-CN" : "en").append("\">").append(escape(l.t("toggle"))).append("</a></header>");
    }

    private static void footer(StringBuilder out, String digitalLink, Labels l) {
        out.append("<footer>");
        if (digitalLink != null) {
            out.append("<p>").append(escape(l.t("footer.link"))).append(l.t("colon")).append("<code>").append(escape(digitalLink))
                    .append("</code></p>");
        }
        out.append("<p>").append(escape(l.t("footer.time"))).append("</p><p>")
                .append(escape(l.t("site"))).append("</p></footer></body></html>");
    }

    private static void requested(StringBuilder out, String path, Labels l) {
        if (path != null && !path.isEmpty()) {
            out.append("<p class=\"muted\">").append(escape(l.t("path"))).append(l.t("colon")).append("<code>").append(escape(path))
                    .append("</code></p>");
        }
    }

    // ---- sections ------------------------------------------------------------------------------------------

    /** Red, first, and in both languages: a shopper must not miss it whichever language the page is in. */
    private static void recallBanner(StringBuilder out, JsonObject recall, Labels l) {
        if (recall == null) {
            return;
        }
        Labels other = Labels.of(l.english() ? "zh" : "en");
        Boolean self = bool(recall, "self");
        out.append("<div class=\"recall\" id=\"recall\" role=\"alert\"><strong>⚠ ").append(escape(l.t("recall.head")))
                .append("</strong> <span lang=\"").append(l.english() ? "zh-CN" : "en").append("\">")
                .append(escape(other.t("recall.head"))).append("</span>");
        if (self != null) {
            out.append("<p>").append(escape(l.t(self ? "recall.self" : "recall.input"))).append("</p>");
        }
        String reason = str(recall, "reason");
        if (reason != null) {
            out.append("<p>").append(escape(l.t("recall.reason"))).append(l.t("colon")).append(escape(reason)).append("</p>");
        }
        String lot = str(recall, "lotCode");
        if (lot != null) {
            out.append("<p>").append(escape(l.t("recall.lot"))).append(l.t("colon")).append(escape(lot)).append("</p>");
        }
        String at = Html.time(str(recall, "at"));
        if (at != null) {
            out.append("<p>").append(escape(l.t("recall.at"))).append(l.t("colon")).append(escape(at)).append("</p>");
        }
        out.append("<p>").append(escape(l.t("recall.advice"))).append("</p></div>");
    }

    private static void identity(StringBuilder out, JsonObject s, JsonObject code, JsonObject product, String name,
            boolean lotLevel, Labels l) {
        JsonObject lot = obj(s, "lot");
        out.append("<section id=\"product\"><h1>").append(escape(name == null ? l.t("title") : name)).append("</h1>");
        JsonObject names = obj(product, "name");
        String bo = str(names, "bo");
        if (bo != null) {
            out.append("<p class=\"sub\" lang=\"bo\">").append(escape(bo)).append("</p>");
        }
        String otherName = str(names, l.english() ? "zh" : "en");
        if (otherName != null && !otherName.equals(name)) {
            out.append("<p class=\"sub\" lang=\"").append(l.english() ? "zh-CN" : "en").append("\">")
                    .append(escape(otherName)).append("</p>");
        }
        out.append("<dl>");
        String brand = str(product, "brand");
        if (brand != null) {
            kv(out, l.t("brand"), escape(brand));
        }
        String umbrella = str(product, "umbrellaBrand");
        if (umbrella != null) {
            kv(out, l.t("umbrella"), escape(umbrella));
        }
        String commodity = localized(obj(product, "commodityName"), l);
        if (commodity == null) {
            commodity = l.nameOr("commodity", str(product, "commodity"));
        }
        if (commodity != null) {
            kv(out, l.t("commodity"), escape(commodity));
        }
        String gtin = str(code, "gtin");
        if (gtin != null) {
            kv(out, l.t("gtin"), escape(gtin));
        }
        String lotCode = str(code, "lot");
        if (lotCode == null) {
            lotCode = str(lot, "lotCode");
        }
        if (lotCode != null) {
            kv(out, l.t("lotCode"), escape(lotCode));
        }
        String serial = str(code, "serial");
        if (serial != null) {
            kv(out, l.t("serial"), escape(serial));
        }
        String quantity = str(lot, "quantity");
        if (quantity != null) {
            String unit = str(lot, "unit");
            kv(out, l.t("quantity"), escape(quantity + (unit == null ? "" : " " + l.nameOr("unit", unit))));
        }
        String created = Html.time(str(lot, "createdAt"));
        if (created != null) {
            kv(out, l.t("createdAt"), escape(created));
        }
        String kind = str(lot, "origin");
        if (kind != null) {
            kv(out, l.t("lotKind"), escape(l.nameOr("lotKind", kind)));
        }
        out.append("</dl>");
        if (lotLevel) {
            out.append("<p class=\"note\">").append(escape(l.t("batchCode"))).append("</p>");
        }
        out.append("</section>");
    }

    private static void origin(StringBuilder out, JsonArray origins, boolean livestock, Labels l) {
        out.append("<section id=\"origin\"><h2>").append(escape(l.t("origin"))).append("</h2>");
        List<JsonObject> list = objects(origins);
        if (list.isEmpty()) {
            out.append("<p class=\"muted\">").append(escape(l.t("origin.none"))).append("</p>");
        }
        for (JsonObject o : list) {
            JsonObject site = obj(o, "site");
            String party = partyName(o.getValue("party"), l);
            String siteName = str(site, "name");
            out.append("<div class=\"card\"><h3>").append(escape(siteName != null ? siteName : party != null ? party : ""))
                    .append("</h3><dl>");
            if (party != null) {
                kv(out, l.t("producer"), escape(party));
            }
            if (siteName != null) {
                String kind = l.name("siteKind", str(site, "kind"));
                kv(out, l.t("siteName"), escape(siteName) + (kind == null ? "" : " <span class=\"muted\">(" + escape(kind) + ")</span>"));
            }
            String place = join(" ", str(site, "county"), str(site, "township"));
            if (place != null) {
                kv(out, l.t("place"), escape(place));
            }
            String harvested = Html.time(str(o, "harvestedAt"));
            if (harvested != null) {
                kv(out, l.t(livestock ? "harvestedAt.livestock" : "harvestedAt"), escape(harvested));
            }
            JsonObject attributes = obj(o, "attributes");
            if (attributes != null) {
                for (Map.Entry<String, Object> a : attributes) {
                    String value = Html.text(a.getValue());
                    if (value == null && a.getValue() != null) {
                        value = String.valueOf(a.getValue());
                    }
                    if (value == null || a.getKey() == null) {
                        continue;
                    }
                    if (Labels.CHOICE_ATTRIBUTES.contains(a.getKey())) {
                        value = l.nameOr("val", value);
                    } else if (a.getKey().endsWith("Date")) {
                        value = Html.time(value);
                    }
                    kv(out, l.nameOr("attr", a.getKey()), escape(value));
                }
            }
            String lotCode = str(o, "lotCode");
            if (lotCode != null) {
                kv(out, l.t("fromLot"), escape(lotCode));
            }
            out.append("</dl></div>");
        }
        out.append("</section>");
    }

    private static void timeline(StringBuilder out, JsonArray entries, boolean livestock, Labels l) {
        out.append("<section id=\"timeline\"><h2>").append(escape(l.t("timeline"))).append("</h2>");
        List<JsonObject> list = objects(entries);
        if (list.isEmpty()) {
            out.append("<p class=\"muted\">").append(escape(l.t("timeline.none"))).append("</p>");
        } else {
            out.append("<ol class=\"tl\">");
            for (JsonObject e : list) {
                String step = str(e, "step");
                String stepName = livestock && "harvest".equals(step) ? l.t("step.harvest.livestock") : l.nameOr("step", step);
                out.append("<li>");
                String time = Html.time(str(e, "time"));
                if (time != null) {
                    out.append("<time>").append(escape(time)).append("</time> ");
                }
                out.append("<b>").append(escape(stepName)).append("</b>");
                String who = join(" · ", partyName(e.getValue("party"), l), str(e, "place"));
                if (who != null) {
                    out.append("<br>").append(escape(who));
                }
                String detail = str(e, "detail");
                if (detail != null) {
                    out.append("<br><span class=\"muted\">").append(escape(detail)).append("</span>");
                }
                out.append("</li>");
            }
            out.append("</ol>");
        }
        out.append("</section>");
    }

    private static void coldChain(StringBuilder out, JsonObject cold, Labels l) {
        out.append("<section id=\"cold-chain\"><h2>").append(escape(l.t("cold"))).append("</h2>");
        JsonObject band = obj(cold, "band");
        Double min = num(band, "min");
        Double max = num(band, "max");
        Boolean held = bool(cold, "held");
        if (held == null) {
            out.append("<p class=\"muted\">").append(escape(l.t("cold.none"))).append("</p>");
        } else if (held) {
            out.append("<p class=\"ok\">✓ ").append(escape(l.t("cold.held"))).append("</p>");
        } else {
            out.append("<p class=\"bad\">✗ ").append(escape(l.t("cold.broken"))).append("</p>");
        }
        out.append("<dl>");
        String profile = localized(obj(cold, "profileName"), l);
        if (profile == null) {
            profile = str(cold, "profile");
        }
        if (profile != null) {
            kv(out, l.t("cold.profile"), escape(profile));
        }
        if (min != null || max != null) {
            kv(out, l.t("cold.band"), escape(TemperatureChart.band(min, max)));
        }
        out.append("</dl>");
        int n = 0;
        for (JsonObject sh : objects(arr(cold, "shipments"))) {
            n++;
            out.append("<div class=\"card\"><h3>").append(escape(l.t("cold.shipment"))).append(' ').append(n);
            String route = join(" → ", str(sh, "from"), str(sh, "to"));
            if (route != null) {
                out.append(l.t("colon")).append(escape(route));
            }
            Boolean ok = bool(sh, "held");
            if (ok != null) {
                out.append(" <span class=\"tag").append(ok ? "" : " bad").append("\">")
                        .append(escape(l.t(ok ? "cold.ok" : "cold.bad"))).append("</span>");
            }
            out.append("</h3>");
            String shipped = Html.time(str(sh, "shippedAt"));
            String received = Html.time(str(sh, "receivedAt"));
            String times = join(" · ", shipped == null ? null : l.t("cold.shipped") + " " + shipped,
                    received != null ? l.t("cold.received") + " " + received : shipped != null ? l.t("cold.inTransit") : null);
            if (times != null) {
                out.append("<p class=\"muted\">").append(escape(times)).append("</p>");
            }
            List<TemperatureChart.Point> readings = TemperatureChart.readings(sh);
            if (!readings.isEmpty()) {
                double lo = readings.stream().mapToDouble(TemperatureChart.Point::v).min().orElse(0);
                double hi = readings.stream().mapToDouble(TemperatureChart.Point::v).max().orElse(0);
                out.append(TemperatureChart.render(sh, min, max, l));
                out.append("<p class=\"muted\">").append(escape(l.t("cold.readings").replace("{n}", String.valueOf(readings.size()))
                        .replace("{range}", Html.number(lo) + "–" + Html.number(hi) + " °C"))).append("</p>");
            }
            excursions(out, sh, l);
            out.append("</div>");
        }
        for (JsonObject stay : objects(arr(cold, "storage"))) {
            out.append("<div class=\"card\"><h3>").append(escape(l.t("cold.storage")));
            if (str(stay, "site") != null) {
                out.append(l.t("colon")).append(escape(str(stay, "site")));
            }
            Boolean ok = bool(stay, "held");
            out.append(" <span class=\"tag").append(Boolean.FALSE.equals(ok) ? " bad" : "").append("\">")
                    .append(escape(l.t(Boolean.FALSE.equals(ok) ? "cold.bad" : "cold.ok"))).append("</span></h3>");
            String span = join(" – ", Html.time(str(stay, "from")), Html.time(str(stay, "until")));
            if (span != null) {
                out.append("<p class=\"muted\">").append(escape(span)).append("</p>");
            }
            excursions(out, stay, l);
            out.append("</div>");
        }
        out.append("</section>");
    }

    private static void excursions(StringBuilder out, JsonObject custody, Labels l) {
        List<JsonObject> excursions = objects(arr(custody, "excursions"));
        if (!excursions.isEmpty()) {
            out.append("<ul class=\"bad\">");
            for (JsonObject ex : excursions) {
                out.append("<li>").append(escape(excursion(ex, l))).append("</li>");
            }
            out.append("</ul>");
        }
    }

    private static String excursion(JsonObject ex, Labels l) {
        List<String> parts = new ArrayList<>();
        String span = join("–", Html.time(str(ex, "start")), Html.time(str(ex, "end")));
        parts.add(l.t("cold.excursion") + (span == null ? "" : " " + span));
        String minutes = str(ex, "minutes");
        if (minutes != null) {
            parts.add(minutes + " " + l.t("cold.minutes"));
        }
        String direction = str(ex, "direction");
        String dir = "above".equals(direction) ? l.t("cold.above") : "below".equals(direction) ? l.t("cold.below") : direction;
        if (dir != null) {
            parts.add(dir);
        }
        String worst = str(ex, "worst");
        if (worst != null) {
            parts.add(l.t("cold.worst") + " " + worst + " °C");
        }
        String limit = str(ex, "limit");
        if (limit != null) {
            parts.add(l.t("cold.limit") + " " + limit + " °C");
        }
        return String.join(l.t("comma"), parts);
    }

    private static void certificates(StringBuilder out, JsonArray certs, Labels l) {
        out.append("<section id=\"certificates\"><h2>").append(escape(l.t("certs"))).append("</h2>");
        List<JsonObject> list = objects(certs);
        if (list.isEmpty()) {
            out.append("<p class=\"muted\">").append(escape(l.t("certs.none"))).append("</p>");
        }
        for (JsonObject c : list) {
            String status = certStatus(c);
            boolean expired = "expired".equals(status);
            out.append("<div class=\"card").append(expired ? " expired" : "").append("\"><h3>")
                    .append(escape(l.nameOr("cert", str(c, "type")))).append("</h3>");
            if (status != null) {
                String tagClass = "valid".equals(status) ? "tag" : expired ? "tag bad" : "tag dim";
                out.append("<span class=\"").append(tagClass).append("\">")
                        .append(escape(l.nameOr("cert.status", status))).append("</span>");
            }
            out.append("<dl>");
            String number = str(c, "number");
            if (number != null) {
                kv(out, l.t("cert.number"), escape(number));
            }
            String issuer = str(c, "issuer");
            if (issuer != null) {
                kv(out, l.t("cert.issuer"), escape(issuer));
            }
            String from = Html.time(str(c, "validFrom"));
            String to = Html.time(str(c, "validTo"));
            if (from != null || to != null) {
                kv(out, l.t("cert.valid"), escape((from == null ? "" : from) + " – " + (to == null ? "" : to)));
            }
            out.append("</dl></div>");
        }
        out.append("</section>");
    }

    /** The status the story gives, else one read from the validity dates against today in China. */
    private static String certStatus(JsonObject c) {
        String status = str(c, "status");
        if (status != null) {
            return status;
        }
        LocalDate today = LocalDate.now(Html.CHINA);
        LocalDate to = Html.date(str(c, "validTo"));
        LocalDate from = Html.date(str(c, "validFrom"));
        if (to != null && to.isBefore(today)) {
            return "expired";
        }
        if (from != null && from.isAfter(today)) {
            return "not_yet_valid";
        }
        return to != null || from != null ? "valid" : null;
    }

    private static void labResults(StringBuilder out, JsonArray results, Labels l) {
        out.append("<section id=\"lab-results\"><h2>").append(escape(l.t("lab"))).append("</h2>");
        List<JsonObject> list = objects(results);
        if (list.isEmpty()) {
            out.append("<p class=\"muted\">").append(escape(l.t("lab.none"))).append("</p>");
        }
        for (JsonObject r : list) {
            out.append("<div class=\"card\"><h3>").append(escape(l.nameOr("test", str(r, "test"))));
            Boolean passed = bool(r, "passed");
            if (passed != null) {
                out.append(" <span class=\"tag").append(passed ? "" : " bad").append("\">")
                        .append(escape(l.t(passed ? "lab.pass" : "lab.fail"))).append("</span>");
            }
            out.append("</h3>");
            String result = str(r, "result");
            if (result != null) {
                out.append("<p>").append(escape(result)).append("</p>");
            }
            out.append("<dl>");
            String lab = str(r, "lab");
            if (lab != null) {
                kv(out, l.t("lab.lab"), escape(lab));
            }
            String report = str(r, "reportNumber");
            if (report != null) {
                kv(out, l.t("lab.report"), escape(report));
            }
            out.append("</dl>");
            String time = Html.time(str(r, "time"));
            if (time != null) {
                out.append("<p class=\"muted\">").append(escape(time)).append("</p>");
            }
            out.append("</div>");
        }
        out.append("</section>");
    }

    private static void sales(StringBuilder out, JsonArray sales, Labels l) {
        out.append("<section id=\"sales\"><h2>").append(escape(l.t("sales"))).append("</h2>");
        List<JsonObject> list = objects(sales);
        if (list.isEmpty()) {
            out.append("<p class=\"muted\">").append(escape(l.t("sales.none"))).append("</p>");
        }
        for (JsonObject sale : list) {
            out.append("<div class=\"card\"><h3>").append(escape(l.nameOr("channel", str(sale, "channel")))).append("</h3>");
            String line = join(" · ", partyName(sale.getValue("seller"), l), Html.time(str(sale, "time")));
            if (line != null) {
                out.append("<p>").append(escape(line)).append("</p>");
            }
            out.append("</div>");
        }
        out.append("</section>");
    }

    private static void authenticity(StringBuilder out, JsonObject auth, boolean lotLevel, Labels l) {
        out.append("<section id=\"authenticity\"><h2>").append(escape(l.t("auth"))).append("</h2>");
        Boolean suspicious = bool(auth, "suspicious");
        if (Boolean.TRUE.equals(suspicious)) {
            out.append("<div class=\"warn\" role=\"alert\"><h3>⚠ ").append(escape(l.t("suspect.head"))).append("</h3><p>")
                    .append(escape(l.t("suspect.advice"))).append("</p>");
            List<String> reasons = new ArrayList<>();
            for (Object r : arr(auth, "reasons")) {
                String reason = Html.text(r);
                if (reason != null) {
                    reasons.add(reason);
                }
            }
            if (!reasons.isEmpty()) {
                out.append("<ul>");
                for (String reason : reasons) {
                    out.append("<li>").append(escape(reason)).append("</li>");
                }
                out.append("</ul>");
            }
            out.append("</div>");
        }
        Double scans = num(auth, "scans");
        if (scans != null) {
            long count = Math.round(scans);
            out.append("<p>").append(escape(l.t(lotLevel ? "auth.scansLot" : "auth.scansPack"))).append(' ')
                    .append("<b>").append(count).append("</b> ")
                    .append(escape(l.t(count == 1 ? "auth.once" : "auth.times"))).append("</p>");
        }
        JsonObject first = obj(auth, "firstScan");
        if (first != null) {
            String time = Html.time(str(first, "time"));
            String region = str(first, "region");
            out.append("<p>").append(escape(l.t("auth.first"))).append(l.t("colon"))
                    .append(escape(join(" · ", time, region != null ? region : l.t("auth.unknownPlace")))).append("</p>");
        } else if (scans == null) {
            out.append("<p class=\"muted\">").append(escape(l.t("auth.none"))).append("</p>");
        }
        if (Boolean.FALSE.equals(suspicious)) {
            out.append("<p class=\"ok\">✓ ").append(escape(l.t("auth.ok"))).append("</p>");
        }
        out.append("</section>");
    }

    /** The 社会监督 form: plain HTML, posted to the story's feedback action (a relative path only). */
    private static void feedback(StringBuilder out, JsonObject feedback, Labels l) {
        String action = str(feedback, "action");
        if (action == null || !action.startsWith("/") || action.startsWith("//")) {
            return;
        }
        List<String> categories = new ArrayList<>();
        for (Object c : arr(feedback, "categories")) {
            String category = Html.text(c);
            if (category != null) {
                categories.add(category);
            }
        }
        if (categories.isEmpty()) {
            categories = DEFAULT_FEEDBACK;
        }
        out.append("<section id=\"feedback\"><h2>").append(escape(l.t("feedback"))).append("</h2><p class=\"muted\">")
                .append(escape(l.t("feedback.intro"))).append("</p>")
                .append("<form method=\"post\" action=\"").append(escape(action)).append("\">")
                .append("<input type=\"hidden\" name=\"lang\" value=\"").append(l.english() ? "en" : "zh").append("\">")
                .append("<label for=\"fb-category\">").append(escape(l.t("feedback.category"))).append("</label>")
                .append("<select id=\"fb-category\" name=\"category\">");
        for (String c : categories) {
            out.append("<option value=\"").append(escape(c)).append("\">").append(escape(l.nameOr("fb", c))).append("</option>");
        }
        out.append("</select><label for=\"fb-text\">").append(escape(l.t("feedback.text"))).append("</label>")
                .append("<textarea id=\"fb-text\" name=\"text\" rows=\"4\" maxlength=\"1000\" required></textarea>")
                .append("<label for=\"fb-contact\">").append(escape(l.t("feedback.contact"))).append("</label>")
                .append("<input id=\"fb-contact\" name=\"contact\" maxlength=\"100\" autocomplete=\"tel\">")
                .append("<button type=\"submit\">").append(escape(l.t("feedback.send"))).append("</button></form></section>");
    }

    // ---- small pieces --------------------------------------------------------------------------------------

    /** A dt/dd pair; html is already escaped. */
    private static void kv(StringBuilder out, String label, String html) {
        out.append("<dt>").append(escape(label)).append("</dt><dd>").append(html).append("</dd>");
    }

    /** The product's name in the page language, falling back to the other language; null when it has none. */
    private static String productName(JsonObject product, Labels l) {
        if (product == null) {
            return null;
        }
        String plain = str(product, "name");
        return plain != null ? plain : localized(obj(product, "name"), l);
    }

    /** {zh, en} text in the page language, else the other one. */
    private static String localized(JsonObject names, Labels l) {
        if (names == null) {
            return null;
        }
        String first = str(names, l.english() ? "en" : "zh");
        return first != null ? first : str(names, l.english() ? "zh" : "en");
    }

    /** A party given as text, or as {name, nameEn} (English name on the English page when there is one). */
    private static String partyName(Object party, Labels l) {
        String plain = Html.text(party);
        if (plain != null) {
            return plain;
        }
        JsonObject o = Html.asObject(party);
        if (o == null) {
            return null;
        }
        String en = str(o, "nameEn");
        String zh = str(o, "name");
        return l.english() && en != null ? en : zh != null ? zh : en;
    }

    private static String join(String separator, String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (joined.length() > 0) {
                    joined.append(separator);
                }
                joined.append(part);
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }
}
