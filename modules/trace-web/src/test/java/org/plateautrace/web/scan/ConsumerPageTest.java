package org.plateautrace.web.scan;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ConsumerPageTest {
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("\\b(?:src|href|action)\\s*=\\s*\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);

    @Test
    void escapesAProductNamedScript() {
        JsonObject story = ScanStories.typical();
        story.getJsonObject("product").put("name", new JsonObject().put("zh", "<script>alert(1)</script>")
                .put("en", "<script>alert(1)</script>"));
        for (String lang : List.of("zh", "en")) {
            String page = ConsumerPage.render(story, lang);
            assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), lang);
            assertFalse(page.toLowerCase(Locale.ROOT).contains("<script"), lang);
        }
    }

    @Test
    void escapesEveryStringFromTheStory() {
        JsonObject story = ScanStories.rich();
        story.put("recall", new JsonObject().put("reason", "r").put("at", "2026-06-01T10:00:00+08:00")
                .put("lotCode", "l").put("self", false));
        story.getJsonObject("authenticity").put("suspicious", true).put("reasons", new JsonArray().add("x"));
        JsonObject poisoned = (JsonObject) poison(story);
        for (String lang : List.of("zh", "en")) {
            String page = ConsumerPage.render(poisoned, lang);
            assertFalse(page.contains("<b onmouseover"), page);
            assertFalse(page.contains("\"q'"), page);
            assertTrue(page.contains("&lt;b onmouseover=&quot;q&#39;&quot;&gt;&amp;"), lang);
        }
    }

    /** Every string leaf with a markup prefix; feedback action and times keep a usable shape. */
    private static Object poison(Object node) {
        if (node instanceof JsonObject o) {
            JsonObject copy = new JsonObject();
            for (String key : o.fieldNames()) {
                Object value = o.getValue(key);
                boolean keep = key.equals("action") || key.equals("t") || key.equals("time") || key.endsWith("At");
                copy.put(key, keep ? value : poison(value));
            }
            return copy;
        }
        if (node instanceof JsonArray a) {
            JsonArray copy = new JsonArray();
            a.forEach(v -> copy.add(poison(v)));
            return copy;
        }
        if (node instanceof String s) {
            return "<b onmouseover=\"q'\">&" + s;
        }
        return node;
    }

    @Test
    void recallBannerComesBeforeTheProductNameWhenRecalled() {
        JsonObject story = ScanStories.typical();
        story.put("recall", new JsonObject().put("reason", "农残超标：毒死蜱 0.12 mg/kg").put("at", "2026-06-01T10:00:00+08:00")
                .put("lotCode", "TEA-260508-UU6M").put("self", false));
        String page = ConsumerPage.render(story, "zh");
        int banner = page.indexOf("class=\"recall\"");
        assertTrue(banner > 0);
        assertTrue(banner < page.indexOf("<h1>墨脱红茶</h1>"));
        assertTrue(page.contains("农残超标：毒死蜱 0.12 mg/kg"));
        assertTrue(page.contains("原料批次已被召回"));
        assertTrue(page.contains("TEA-260508-UU6M"));
        assertTrue(page.contains("2026-06-01 10:00"));

        story.getJsonObject("recall").put("self", true);
        assertTrue(ConsumerPage.render(story, "zh").contains("本批次产品已被召回"));
        assertTrue(ConsumerPage.render(story, "en").contains("This lot has been recalled."));
    }

    @Test
    void noRecallBannerWhenNotRecalled() {
        String page = ConsumerPage.render(ScanStories.typical(), "zh");
        assertFalse(page.contains("class=\"recall\""));
        assertFalse(page.contains("已召回"));
    }

    @Test
    void suspiciousAuthenticityShowsTheWarningAndTheReasons() {
        JsonObject story = ScanStories.typical();
        story.put("authenticity", new JsonObject().put("scans", 57)
                .put("firstScan", new JsonObject().put("time", "2026-05-21T10:12:00+08:00").put("region", "广东"))
                .put("suspicious", true).put("reasons", new JsonArray()
                        .add("scanned 57 times; a pack is usually scanned a few times")
                        .add("scanned in 4 provinces within one day")));
        String page = ConsumerPage.render(story, "zh");
        assertTrue(page.contains("此码疑似被仿冒"));
        assertTrue(page.contains("scanned 57 times; a pack is usually scanned a few times"));
        assertTrue(page.contains("scanned in 4 provinces within one day"));
        assertTrue(page.contains("<b>57</b>"));
        assertTrue(page.contains("2026-05-21 10:12 · 广东"));
        assertTrue(page.contains("href=\"#authenticity\""), "a warning near the top points to the reasons");
        assertTrue(ConsumerPage.render(story, "en").contains("Warning: this code may be counterfeit"));

        String calm = ConsumerPage.render(ScanStories.typical(), "zh");
        assertFalse(calm.contains("此码疑似被仿冒"));
        assertTrue(calm.contains("扫描记录正常"));
    }

    @Test
    void expiredCertificateShowsAsExpired() {
        JsonObject story = ScanStories.typical();
        story.put("certificates", new JsonArray().add(ScanStories.cert("green_food", "expired")));
        String zh = ConsumerPage.render(story, "zh");
        assertTrue(zh.contains("绿色食品"));
        assertTrue(zh.contains("已过期"));
        assertTrue(zh.contains("2023-03-01 – 2026-02-28"));
        assertFalse(zh.contains(">有效<"));
        String en = ConsumerPage.render(story, "en");
        assertTrue(en.contains(">Expired<"));
        assertTrue(en.contains("Green Food"));
    }

    @Test
    void certificateWithoutStatusIsJudgedByItsDates() {
        JsonObject story = ScanStories.typical();
        story.put("certificates", new JsonArray().add(ScanStories.cert("organic", "expired").putNull("status")));
        assertTrue(ConsumerPage.render(story, "zh").contains("已过期"));
    }

    @Test
    void englishUsesEnglishLabelsAndTheEnglishName() {
        String en = ConsumerPage.render(ScanStories.typical(), "en");
        assertTrue(en.contains("<html lang=\"en\">"));
        assertTrue(en.contains("<h1>Mêdog Black Tea</h1>"));
        assertTrue(en.contains("Origin"));
        assertTrue(en.contains("Processing and handling"));
        assertTrue(en.contains("Certificates"));
        assertTrue(en.contains("Black tea"));
        assertTrue(en.contains("Direct store"));
        assertTrue(en.contains("Mêdog Tea Farmers&#39; Cooperative 1"), "the cooperative's English name");
        assertTrue(en.contains("href=\"?lang=zh\""));
        assertFalse(en.contains("产地来源"));
    }

    @Test
    void chineseIsTheDefault() {
        for (String lang : new String[] {null, "zh", "fr", ""}) {
            String page = ConsumerPage.render(ScanStories.typical(), lang);
            assertTrue(page.contains("<html lang=\"zh-CN\">"), String.valueOf(lang));
            assertTrue(page.contains("<h1>墨脱红茶</h1>"));
            assertTrue(page.contains("产地来源"));
            assertTrue(page.contains("href=\"?lang=en\""));
        }
    }

    @Test
    void tibetanNameIsShownUnderTheChineseNameMarkedAsTibetan() {
        String page = ConsumerPage.render(ScanStories.typical(), "zh");
        int zh = page.indexOf("<h1>墨脱红茶</h1>");
        int bo = page.indexOf("<p class=\"sub\" lang=\"bo\">མེ་ཏོག་ཇ་ནག</p>");
        assertTrue(zh > 0 && bo > zh);
    }

    @Test
    void sectionsAppearInTheOrderTheIssueGives() {
        JsonObject story = ScanStories.typical();
        story.put("recall", new JsonObject().put("reason", "x").put("self", true));
        String page = ConsumerPage.render(story, "zh");
        List<String> markers = List.of("class=\"recall\"", "id=\"product\"", "id=\"origin\"", "id=\"timeline\"",
                "id=\"cold-chain\"", "id=\"certificates\"", "id=\"lab-results\"", "id=\"sales\"", "id=\"authenticity\"",
                "id=\"feedback\"");
        int last = -1;
        for (String marker : markers) {
            int at = page.indexOf(marker);
            assertTrue(at > last, marker + " out of order or missing");
            last = at;
        }
    }

    @Test
    void lotLevelCodeSaysItIsABatchCodeNotASinglePack() {
        JsonObject story = ScanStories.typical();
        assertFalse(ConsumerPage.render(story, "zh").contains("这是批次码"));
        story.getJsonObject("code").put("level", "lot").putNull("serial");
        assertTrue(ConsumerPage.render(story, "zh").contains("这是批次码，不是单件包装码"));
        assertTrue(ConsumerPage.render(story, "zh").contains("此批次码已被扫描"));
        assertTrue(ConsumerPage.render(story, "en").contains("This is a batch code, not a single pack"));
    }

    @Test
    void timesAreShownInChinaTime() {
        JsonObject story = ScanStories.typical();
        story.put("timeline", new JsonArray().add(new JsonObject().put("time", "2026-05-08T00:00:00Z").put("step", "harvest")));
        String page = ConsumerPage.render(story, "zh");
        assertTrue(page.contains("<time>2026-05-08 08:00</time>"));
        assertEquals("2026-05-08 08:00", Html.time("2026-05-08T08:00:00+08:00"));
        assertEquals("2026-05-09 01:30", Html.time("2026-05-08T12:30:00-05:00"));
        assertEquals("2025-03-01", Html.time("2025-03-01"));
        assertEquals("not a time", Html.time("not a time"));
    }

    @Test
    void codesGetHumanNamesAndUnknownCodesShowAsGivenEscaped() {
        JsonObject story = ScanStories.typical();
        story.put("sales", new JsonArray().add(new JsonObject().put("channel", "livestream").put("seller", "林芝源直播间"))
                .add(new JsonObject().put("channel", "<mystery>").put("seller", "x")));
        story.getJsonArray("origin").getJsonObject(0).getJsonObject("attributes").put("teaType", "white<tea>");
        String page = ConsumerPage.render(story, "zh");
        assertTrue(page.contains("直播带货"));
        assertTrue(page.contains("&lt;mystery&gt;"));
        assertTrue(page.contains("white&lt;tea&gt;"));
        assertTrue(page.contains("食品生产许可 (SC)"));
        assertTrue(page.contains("有机农产品"));
        assertTrue(page.contains("农药残留"));
        assertTrue(page.contains("一芽二叶"));
        assertTrue(page.contains("茶类"));
        assertTrue(page.contains("48 千克"));
        assertFalse(page.contains("京东"));
    }

    @Test
    void livestockHarvestIsLeavingTheFarm() {
        JsonObject story = ScanStories.typical();
        story.getJsonObject("product").put("commodity", "tibetan_pig");
        assertTrue(ConsumerPage.render(story, "zh").contains("<b>出栏</b>"));
    }

    @Test
    void svgChartHasTheBandAndAnExcursionMarkWhenThereAreReadings() {
        String page = ConsumerPage.render(ScanStories.typical(), "zh");
        assertTrue(page.contains("<svg viewBox=\"0 0 320 120\" width=\"100%\""));
        assertTrue(page.contains("<rect class=\"band\""));
        assertTrue(page.contains("<rect class=\"ex\""));
        assertTrue(page.contains("<circle class=\"exw\""));
        assertTrue(page.contains("fill=\"#d32f2f\""));
        assertTrue(page.contains("<polyline"));
        assertTrue(page.contains("运输中出现温度超限"));
        assertTrue(page.contains("超限 2026-05-10 14:40–2026-05-10 15:20"));
    }

    @Test
    void noChartWithoutReadings() {
        JsonObject story = ScanStories.typical();
        JsonObject cold = story.getJsonObject("coldChain");
        cold.putNull("held");
        cold.getJsonArray("shipments").getJsonObject(0).put("readings", new JsonArray()).put("excursions", new JsonArray());
        String page = ConsumerPage.render(story, "zh");
        assertFalse(page.contains("<svg"));
        assertTrue(page.contains("暂无温度记录"));
        assertTrue(page.contains("id=\"cold-chain\""));
    }

    @Test
    void chartKeepsAtMost200PointsWithOneDecimalCoordinates() {
        String page = ConsumerPage.render(ScanStories.rich(), "zh");
        Matcher polyline = Pattern.compile("<polyline[^>]* points=\"([^\"]*)\"").matcher(page);
        int charts = 0;
        while (polyline.find()) {
            charts++;
            String[] points = polyline.group(1).split(" ");
            assertTrue(points.length <= TemperatureChart.MAX_POINTS, "points: " + points.length);
            for (String p : points) {
                assertTrue(p.matches("-?\\d+(\\.\\d)?,-?\\d+(\\.\\d)?"), p);
            }
        }
        assertEquals(3, charts);
        assertTrue(page.contains("共 300 个读数，实测 "));
    }

    @Test
    void decimationKeepsPeaksAndTimeOrder() {
        List<TemperatureChart.Point> points = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            points.add(new TemperatureChart.Point(i * 60_000L, i == 517 ? 41.5 : i == 733 ? -9 : 3 + (i % 7) * 0.1));
        }
        List<TemperatureChart.Point> kept = TemperatureChart.decimate(points, 200);
        assertTrue(kept.size() <= 200, "kept " + kept.size());
        assertTrue(kept.stream().anyMatch(p -> p.v() == 41.5), "the high peak survives");
        assertTrue(kept.stream().anyMatch(p -> p.v() == -9), "the low peak survives");
        for (int i = 1; i < kept.size(); i++) {
            assertTrue(kept.get(i).t() > kept.get(i - 1).t());
        }
        assertEquals(points.subList(0, 50), TemperatureChart.decimate(points.subList(0, 50), 200));
    }

    @Test
    void frozenBandWithOnlyAnUpperLimitShadesEverythingBelowIt() {
        JsonObject shipment = new JsonObject().put("readings", new JsonArray()
                .add(new JsonObject().put("t", "2026-05-09T08:00:00+08:00").put("v", -20))
                .add(new JsonObject().put("t", "2026-05-09T09:00:00+08:00").put("v", -12.5)));
        String svg = TemperatureChart.render(shipment, null, -18.0, Labels.of("en"));
        assertTrue(svg.contains("<rect class=\"band\""));
        assertTrue(svg.contains("≤ -18 °C"));
        assertTrue(svg.contains(">05-09 08:00<") && svg.contains(">05-09 09:00<"), "first and last time in China time");
        assertEquals(null, TemperatureChart.render(new JsonObject(), 0.0, 4.0, Labels.of("zh")));
    }

    @Test
    void escapeCoversTheFiveCharacters() {
        assertEquals("&amp;&lt;&gt;&quot;&#39;", Html.escape("&<>\"'"));
        assertEquals("", Html.escape(null));
        assertEquals("墨脱红茶", Html.escape("墨脱红茶"));
        assertEquals("12.5", Html.coord(12.46));
        assertEquals("-0.5", Html.coord(-0.46));
        assertEquals("48", Html.number(48.0));
        assertEquals("100000000000000000000", Html.number(1e20));
    }

    @Test
    void pageMakesNoExternalRequest() {
        JsonObject story = ScanStories.rich();
        story.put("recall", new JsonObject().put("reason", "x").put("self", true));
        for (String page : List.of(ConsumerPage.render(story, "zh"), ConsumerPage.render(story, "en"),
                ConsumerPage.notFound("/01/02000001000038/10/X", "zh"),
                ConsumerPage.invalid("/01/123", "bad check digit", "en"))) {
            String lower = page.toLowerCase(Locale.ROOT);
            assertFalse(lower.contains("<script"));
            assertFalse(lower.contains("<img"));
            assertFalse(lower.contains("<link"));
            assertFalse(lower.contains("@import"));
            assertFalse(lower.contains("url("));
            Matcher m = URL_ATTRIBUTE.matcher(page);
            int links = 0;
            while (m.find()) {
                links++;
                String url = m.group(1);
                assertFalse(url.contains("http:") || url.contains("https:") || url.startsWith("//"), url);
                assertTrue(url.startsWith("?") || url.startsWith("#") || url.startsWith("/"), url);
            }
            assertTrue(links > 0);
            assertTrue(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
            assertTrue(page.contains("system-ui, -apple-system") || page.contains("system-ui,-apple-system"));
        }
    }

    @Test
    void noFixedWidthWiderThan360Pixels() {
        String page = ConsumerPage.render(ScanStories.rich(), "zh");
        Matcher widths = Pattern.compile("(?<![-\\w])(?:min-)?width:(\\d+)px").matcher(page);
        while (widths.find()) {
            assertTrue(Integer.parseInt(widths.group(1)) <= 360, widths.group());
        }
        assertFalse(page.contains(" width=\"320\""), "charts scale by viewBox, not a fixed width");
    }

    @Test
    void feedbackFormPostsCategoryTextAndOptionalContact() {
        String page = ConsumerPage.render(ScanStories.typical(), "zh");
        assertTrue(page.contains("<form method=\"post\" action=\"/01/02000001000038/10/TEA-260510-24D9/21/7KQ3M9XW2HPLD/feedback\">"));
        assertTrue(page.contains("<select id=\"fb-category\" name=\"category\">"));
        assertTrue(page.contains("<option value=\"counterfeit\">疑似假冒</option>"));
        assertTrue(page.contains("<textarea id=\"fb-text\" name=\"text\" rows=\"4\" maxlength=\"1000\" required></textarea>"));
        assertTrue(page.contains("name=\"contact\" maxlength=\"100\""));
        assertFalse(page.contains("name=\"contact\" maxlength=\"100\" required"));
        assertTrue(page.contains("<button type=\"submit\">"));
        assertTrue(page.contains("社会监督"));
    }

    @Test
    void feedbackFormNeverPostsElsewhere() {
        JsonObject story = ScanStories.typical();
        story.getJsonObject("feedback").put("action", "https://evil.example/collect");
        assertFalse(ConsumerPage.render(story, "zh").contains("<form"));
        story.getJsonObject("feedback").put("action", "//evil.example/collect");
        assertFalse(ConsumerPage.render(story, "zh").contains("<form"));
    }

    @Test
    void richPageGzipsToAtMost60Kilobytes() throws IOException {
        String rich = ConsumerPage.render(ScanStories.rich(), "zh");
        String typical = ConsumerPage.render(ScanStories.typical(), "zh");
        int richGz = gzipSize(rich);
        int typicalGz = gzipSize(typical);
        System.out.printf("consumer page: rich %d bytes raw, %d bytes gzip; typical %d bytes raw, %d bytes gzip%n",
                rich.getBytes(StandardCharsets.UTF_8).length, richGz, typical.getBytes(StandardCharsets.UTF_8).length, typicalGz);
        assertTrue(richGz <= 60 * 1024, "rich page gzip " + richGz);
        assertTrue(typicalGz <= 20 * 1024, "typical page gzip " + typicalGz);
    }

    private static int gzipSize(String page) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(page.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.size();
    }

    @Test
    void notFoundPageEscapesThePathAndSuggestsReporting() {
        String page = ConsumerPage.notFound("/01/02000001000038/10/<svg onload=alert(1)>", "zh");
        assertTrue(page.contains("/01/02000001000038/10/&lt;svg onload=alert(1)&gt;"));
        assertFalse(page.contains("<svg onload"));
        assertTrue(page.contains("未在高原溯源平台登记"));
        assertTrue(page.contains("假冒"));
        assertTrue(page.contains("12315"));
        assertTrue(ConsumerPage.notFound("/x", "en").contains("not registered"));
    }

    @Test
    void invalidPageEscapesThePathAndTheReason() {
        String page = ConsumerPage.invalid("/01/\"><script>x</script>", "GTIN check digit <b>7</b> expected", "en");
        assertTrue(page.contains("/01/&quot;&gt;&lt;script&gt;x&lt;/script&gt;"));
        assertTrue(page.contains("GTIN check digit &lt;b&gt;7&lt;/b&gt; expected"));
        assertFalse(page.toLowerCase(Locale.ROOT).contains("<script"));
        assertFalse(page.contains("<b>7</b>"));
        assertTrue(page.contains("not a valid GS1 Digital Link"));
        assertTrue(ConsumerPage.invalid("/01/1", null, "zh").contains("GS1 数字链接"));
    }

    @Test
    void emptyStoryRendersWithoutException() {
        String page = assertDoesNotThrow(() -> ConsumerPage.render(new JsonObject(), "zh"));
        assertTrue(page.startsWith("<!doctype html>"));
        assertTrue(page.endsWith("</html>"));
        assertDoesNotThrow(() -> ConsumerPage.render(null, null));
        assertDoesNotThrow(() -> ConsumerPage.notFound(null, null));
        assertDoesNotThrow(() -> ConsumerPage.invalid(null, null, null));
    }

    @Test
    void storyPartsOfTheWrongTypeNeverCrashTheRenderer() {
        JsonObject typical = ScanStories.typical();
        typical.put("recall", new JsonObject().put("reason", "x").put("at", "2026-06-01T10:00:00+08:00").put("self", true));
        List<Object> oddValues = new ArrayList<>();
        oddValues.add(null);
        oddValues.add("text");
        oddValues.add(-1.5e300);
        oddValues.add(Double.NaN);
        oddValues.add(true);
        oddValues.add(new JsonArray().add(1).add("a"));
        oddValues.add(new JsonObject().put("a", 1));
        int[] renders = {0};
        visit(typical, node -> {
            for (Object odd : oddValues) {
                node.run(odd);
                for (String lang : List.of("zh", "en")) {
                    assertDoesNotThrow(() -> ConsumerPage.render(typical, lang));
                }
                renders[0]++;
            }
            node.restore();
        });
        assertTrue(renders[0] > 500, "renders " + renders[0]);
    }

    interface Slot {
        void run(Object value);

        void restore();
    }

    /** Calls back once for every value slot of the tree (skipping long reading lists after their first entries). */
    private static void visit(Object node, java.util.function.Consumer<Slot> each) {
        if (node instanceof JsonObject o) {
            for (String key : new ArrayList<>(o.fieldNames())) {
                Object original = o.getValue(key);
                each.accept(new Slot() {
                    public void run(Object value) {
                        o.put(key, value);
                    }

                    public void restore() {
                        o.put(key, original);
                    }
                });
                visit(original, each);
            }
        } else if (node instanceof JsonArray a) {
            for (int i = 0; i < Math.min(a.size(), 3); i++) {
                int index = i;
                Object original = a.getValue(i);
                each.accept(new Slot() {
                    public void run(Object value) {
                        a.set(index, value);
                    }

                    public void restore() {
                        a.set(index, original);
                    }
                });
                visit(original, each);
            }
        }
    }
}
