package org.plateautrace.web.scan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

/** Story JSON as the scan service builds it: a typical tea lot, and a rich one for the size budget. */
final class ScanStories {
    static final ZoneOffset CST = ZoneOffset.ofHours(8);
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 5, 8, 8, 0, 0, 0, CST);

    private ScanStories() {
    }

    /** 墨脱红茶: one origin lot, seven steps, one shipment of 96 readings with one excursion, two certificates. */
    static JsonObject typical() {
        JsonObject story = base();
        story.put("origin", new JsonArray().add(origin(0)));
        JsonArray timeline = new JsonArray();
        String[] steps = {"harvest", "processing", "packing", "inspection", "shipping", "receiving", "sale"};
        for (int i = 0; i < steps.length; i++) {
            timeline.add(step(i, steps[i]));
        }
        story.put("timeline", timeline);
        story.put("coldChain", coldChain(1, 96, true));
        story.put("certificates", new JsonArray().add(cert("organic", "valid")).add(cert("food_production_licence", "valid")));
        story.put("labResults", new JsonArray().add(lab("pesticide_residue")));
        return story;
    }

    /** 5 origin lots, 20 timeline entries, 3 shipments of 300 readings each, 4 certificates, 3 lab results. */
    static JsonObject rich() {
        JsonObject story = base();
        JsonArray origins = new JsonArray();
        for (int i = 0; i < 5; i++) {
            origins.add(origin(i));
        }
        story.put("origin", origins);
        JsonArray timeline = new JsonArray();
        String[] steps = {"harvest", "harvest", "harvest", "harvest", "harvest", "processing", "processing", "inspection",
            "packing", "storing", "shipping", "receiving", "storing", "shipping", "receiving", "storing", "shipping",
            "receiving", "inspection", "sale"};
        for (int i = 0; i < steps.length; i++) {
            timeline.add(step(i, steps[i]));
        }
        story.put("timeline", timeline);
        story.put("coldChain", coldChain(3, 300, true));
        story.put("certificates", new JsonArray().add(cert("organic", "valid")).add(cert("green_food", "valid"))
                .add(cert("geographic_indication", "valid")).add(cert("food_production_licence", "expired")));
        story.put("labResults", new JsonArray().add(lab("pesticide_residue")).add(lab("heavy_metals")).add(lab("moisture")));
        return story;
    }

    static JsonObject base() {
        return new JsonObject()
                .put("lang", "zh")
                .put("code", new JsonObject().put("gtin", "02000001000038").put("lot", "TEA-260510-24D9")
                        .put("serial", "7KQ3M9XW2HPLD").put("level", "pack")
                        .put("digitalLink", "https://trace.example.cn/01/02000001000038/10/TEA-260510-24D9/21/7KQ3M9XW2HPLD"))
                .putNull("recall")
                .put("product", new JsonObject()
                        .put("name", new JsonObject().put("zh", "墨脱红茶").put("en", "Mêdog Black Tea").put("bo", "མེ་ཏོག་ཇ་ནག"))
                        .put("brand", "林芝茶叶").put("umbrellaBrand", "林芝源").put("commodity", "tea")
                        .put("commodityName", new JsonObject().put("zh", "茶叶").put("en", "Tea")))
                .put("lot", new JsonObject().put("lotCode", "TEA-260510-24D9").put("quantity", 48).put("unit", "kg")
                        .put("createdAt", "2026-05-10T09:00:00+08:00").put("origin", "processing"))
                .put("sales", new JsonArray().add(new JsonObject().put("time", "2026-05-20T15:30:00+08:00")
                        .put("channel", "direct_store").put("seller", "林芝源特产直营店（八一店）")))
                .put("authenticity", new JsonObject().put("scans", 3)
                        .put("firstScan", new JsonObject().put("time", "2026-05-21T10:12:00+08:00").put("region", "广东"))
                        .put("suspicious", false).put("reasons", new JsonArray()))
                .put("feedback", new JsonObject()
                        .put("action", "/01/02000001000038/10/TEA-260510-24D9/21/7KQ3M9XW2HPLD/feedback")
                        .put("categories", new JsonArray().add("quality").add("counterfeit").add("labelling").add("safety").add("other")));
    }

    static JsonObject origin(int i) {
        String[] townships = {"背崩乡", "墨脱镇", "达木乡", "加热萨乡", "德兴乡"};
        return new JsonObject()
                .put("lotCode", "TEA-26050" + (i + 1) + "-UU6" + i)
                .put("harvestedAt", T0.minusDays(i).toString())
                .put("party", new JsonObject().put("name", "墨脱县" + townships[i] + "茶叶农民专业合作社")
                        .put("nameEn", "Mêdog Tea Farmers' Cooperative " + (i + 1)))
                .put("site", new JsonObject().put("name", townships[i] + "高山茶园").put("kind", "farm_base")
                        .put("county", "墨脱县").put("township", townships[i]))
                .put("attributes", new JsonObject().put("gardenPlot", "A" + (i + 1) + " 片区").put("teaType", "black")
                        .put("pickingGrade", "one_bud_two_leaves").put("pickingMethod", "hand"));
    }

    static JsonObject step(int i, String step) {
        return new JsonObject()
                .put("time", T0.plusHours(6L * i).toString())
                .put("step", step)
                .put("party", i < 5 ? "墨脱县背崩乡茶叶农民专业合作社" : "林芝墨脱茶业有限公司")
                .put("place", i < 5 ? "背崩乡高山茶园, 墨脱县" : "林芝墨脱茶业有限公司加工厂, 墨脱县")
                .put("detail", "processing".equals(step) ? "萎凋-揉捻-发酵-干燥" : null);
    }

    /** Shipments of dry tea (band 0–30 °C); the first one leaves the band once for 40 minutes when excursion. */
    static JsonObject coldChain(int shipments, int readingsEach, boolean excursion) {
        Random random = new Random(42);
        JsonArray list = new JsonArray();
        for (int s = 0; s < shipments; s++) {
            OffsetDateTime start = T0.plusDays(2L + s * 2L);
            JsonArray readings = new JsonArray();
            for (int r = 0; r < readingsEach; r++) {
                double v = 14 + 6 * Math.sin(r / 20.0) + random.nextGaussian();
                if (excursion && s == 0 && r >= 40 && r < 44) {
                    v = 31.5 + r - 40;
                }
                readings.add(new JsonObject().put("t", start.plusMinutes(10L * r).toString())
                        .put("v", Math.round(v * 10) / 10.0));
            }
            JsonArray excursions = new JsonArray();
            if (excursion && s == 0) {
                excursions.add(new JsonObject().put("start", start.plusMinutes(400).toString())
                        .put("end", start.plusMinutes(440).toString()).put("minutes", 40).put("worst", 34.5)
                        .put("limit", 30).put("direction", "above"));
            }
            list.add(new JsonObject().put("from", "林芝墨脱茶业有限公司加工厂").put("to", s == 0 ? "拉萨冷链物流园" : "广州白云农产品仓")
                    .put("shippedAt", start.toString()).put("receivedAt", start.plusMinutes(10L * readingsEach).toString())
                    .put("held", !(excursion && s == 0)).put("readings", readings).put("excursions", excursions));
        }
        return new JsonObject().put("profile", "dry_ambient")
                .put("profileName", new JsonObject().put("zh", "常温干货").put("en", "Dry, ambient"))
                .put("band", new JsonObject().put("min", 0).put("max", 30))
                .put("held", !excursion)
                .put("shipments", list);
    }

    static JsonObject cert(String type, String status) {
        boolean expired = "expired".equals(status);
        return new JsonObject().put("type", type).put("number", "CERT-" + type.toUpperCase() + "-2025-0183")
                .put("issuer", "中绿华夏有机食品认证中心")
                .put("validFrom", expired ? "2023-03-01" : "2025-03-01").put("validTo", expired ? "2026-02-28" : "2028-02-28")
                .put("status", status);
    }

    static JsonObject lab(String test) {
        return new JsonObject().put("time", "2026-05-11T14:00:00+08:00").put("test", test)
                .put("result", "未检出 (GB 2763-2021 限量内)").put("passed", true)
                .put("lab", "林芝市农产品质量安全检验检测中心").put("reportNumber", "LZJC-2026-05-" + test.length());
    }
}
