package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in a real headless Chromium: a cooperative registers a harvest, packs it and ships it, a processor
 * receives and processes it and sees it in the trace graph, a regulator recalls the harvest and a shopper's scan
 * shows the recall. Once in Chinese on a 360 px phone, once in English on a desktop; screenshots go to docs/.
 */
class ConsoleBrowserTest extends ServerTest {
    private static final String PASSWORD = "青稞-barley-2026";

    @Test
    void walksFromHarvestToRecallInChineseOnAPhone() {
        try (HeadlessChromium browser = HeadlessChromium.phone()) {
            new Walk(browser, "zh").run();
        }
    }

    @Test
    void walksFromHarvestToRecallInEnglishOnADesktop() {
        try (HeadlessChromium browser = HeadlessChromium.desktop()) {
            new Walk(browser, "en").run();
        }
    }

    /** One walk through the console with its own parties and people. */
    private final class Walk {
        private final HeadlessChromium browser;
        private final String lang;
        private final WebDriverWait wait;
        private final String suffix;
        private final Fixtures.Party coop = fixtures.party("cooperative");
        private final Fixtures.Party processor = fixtures.party("processor");
        private final Fixtures.Party regulator = fixtures.party("regulator");
        private final Fixtures.Party lab = fixtures.party("lab");
        private final Fixtures.Party carrier = fixtures.party("carrier");

        Walk(HeadlessChromium browser, String lang) {
            this.browser = browser;
            this.lang = lang;
            // a list that re-renders while a condition reads it answers a stale element: read it again
            this.wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
            this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            this.suffix = lang.equals("zh") ? "" : "-en-desktop";
        }

        void run() {
            long farm = fixtures.site(coop);
            long tea = fixtures.product(coop, "tea", "kg");
            long plant = fixtures.site(processor, "processing_plant");
            long blackTea = fixtures.product(processor, "tea", "kg");
            String coopLogin = "coop." + lang + "." + coop.id();
            String processorLogin = "plant." + lang + "." + processor.id();
            String regulatorLogin = "inspector." + lang + "." + regulator.id();
            String carrierLogin = "driver." + lang + "." + carrier.id();
            String labLogin = "lab." + lang + "." + lab.id();
            user(coop, coopLogin, "party_admin");
            user(processor, processorLogin, "operator");
            user(regulator, regulatorLogin, "regulator");
            user(carrier, carrierLogin, "operator");
            user(lab, labLogin, "operator");

            // the cooperative signs in and registers a harvest; a refused submit keeps what was typed
            open("/console/");
            waitFor(By.id("signin-form"));
            if (lang.equals("en")) {
                browser.driver.findElement(By.id("lang")).click();
                wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Sign in"));
            } else {
                assertEquals("登录", browser.driver.findElement(By.cssSelector("main h1")).getText());
                assertEquals("zh-CN", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
            }
            assertFits();
            browser.screenshot("console-signin" + suffix + ".png");
            signIn(coopLogin);
            assertEquals(1, browser.driver.findElements(By.cssSelector("#nav a[href='#/harvest']")).size(), "a cooperative harvests");
            go("#/harvest");
            WebElement form = waitFor(By.id("harvest-form"));
            new Select(form.findElement(By.name("productId"))).selectByValue(Long.toString(tea));
            new Select(form.findElement(By.name("siteId"))).selectByValue(Long.toString(farm));
            setTime(form.findElement(By.name("harvestedAt")), 5);
            form.findElement(By.name("attributes.gardenPlot")).sendKeys("易贡茶园 3 号片区");
            new Select(form.findElement(By.name("attributes.teaType"))).selectByValue("black");
            new Select(form.findElement(By.name("attributes.pickingGrade"))).selectByValue("one_bud_one_leaf");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement quantityError = wait.until(d -> {
                WebElement error = d.findElement(By.cssSelector("[data-field='quantity'] .error, [data-field='quantity.value'] .error"));
                return error.getText().isBlank() ? null : error;
            });
            assertTrue(quantityError.isDisplayed(), "the API's detail shows next to the quantity");
            assertEquals("易贡茶园 3 号片区", form.findElement(By.name("attributes.gardenPlot")).getAttribute("value"), "nothing typed is lost");
            form.findElement(By.name("quantity.value")).sendKeys("120.5");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            long lot = idFromResult(form);
            assertFits();
            browser.screenshot("console-harvest" + suffix + ".png");

            // as the party's administrator it adds a colleague; a short password is refused at the password field
            go("#/people");
            WebElement people = waitFor(By.id("people-form"));
            people.findElement(By.name("login")).sendKeys("viewer." + lang + "." + coop.id());
            people.findElement(By.name("name")).sendKeys("次仁");
            new Select(people.findElement(By.name("role"))).selectByValue("viewer");
            people.findElement(By.name("password")).sendKeys("short");
            people.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(d -> !people.findElement(By.cssSelector("[data-field='password'] .error")).getText().isBlank());
            assertEquals("次仁", people.findElement(By.name("name")).getAttribute("value"), "nothing typed is lost");
            people.findElement(By.name("password")).clear();
            people.findElement(By.name("password")).sendKeys(PASSWORD);
            people.findElement(By.cssSelector("button[type=submit]")).click();
            awaitResult(people);
            wait.until(d -> d.findElement(By.id("people-list")).getText().contains("viewer." + lang + "." + coop.id()));

            // its lot page shows the QR code; it issues pack codes and ships to the processor
            go("#/lots/" + lot);
            WebElement codes = waitFor(By.id("codes-form"));
            assertTrue(browser.driver.findElement(By.cssSelector("img.qr")).isDisplayed());
            codes.findElement(By.name("count")).clear();
            codes.findElement(By.name("count")).sendKeys("10003");
            codes.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(d -> !codes.findElement(By.cssSelector(".form-result")).getText().isBlank());
            assertTrue(codes.findElement(By.cssSelector(".form-result")).getText().contains("10003"),
                    codes.findElement(By.cssSelector(".form-result")).getText());
            var sheets = codes.findElements(By.cssSelector(".batches a[href$='/labels.pdf']"));
            assertEquals(2, sheets.size(), "10,003 codes come as a batch of 10,000 and one of 3, a label sheet each");
            assertFits();
            browser.screenshot("console-lot" + suffix + ".png");

            // it packs the next 24 unpacked codes into a case; a wrong check digit is refused at the SSCC and nothing
            // typed is lost; typing the SSCC's first 17 digits adds the check digit
            String firstCase = Fixtures.sscc(String.format("006951234%08d", coop.id() * 10 + 1));
            String secondCase = Fixtures.sscc(String.format("006951234%08d", coop.id() * 10 + 2));
            String pallet = Fixtures.sscc(String.format("006951234%08d", coop.id() * 10 + 3));
            go("#/pack/" + lot);
            WebElement pack = waitFor(By.id("pack-form"));
            waitFor(By.cssSelector("#cases h2"));
            assertEquals(Long.toString(lot), new Select(pack.findElement(By.name("lotId"))).getFirstSelectedOption().getAttribute("value"));
            setTime(pack.findElement(By.name("time")), 4.5);
            pack.findElement(By.name("sscc")).sendKeys(firstCase.substring(0, 17) + (char) ('0' + (firstCase.charAt(17) - '0' + 1) % 10));
            pack.findElement(By.id("fill-next")).click();
            wait.until(d -> pack.findElement(By.name("serials")).getAttribute("value").lines().count() == 24);
            pack.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement ssccError = wait.until(d -> {
                WebElement error = d.findElement(By.cssSelector("[data-field='sscc'] .error"));
                return error.getText().isBlank() ? null : error;
            });
            assertTrue(ssccError.getText().contains("expected " + firstCase.charAt(17)), ssccError.getText());
            assertEquals(24, pack.findElement(By.name("serials")).getAttribute("value").lines().count(), "nothing typed is lost");
            pack.findElement(By.name("sscc")).clear();
            pack.findElement(By.name("sscc")).sendKeys(firstCase.substring(0, 17));
            assertTrue(pack.findElement(By.id("sscc-full")).getText().contains(firstCase), pack.findElement(By.id("sscc-full")).getText());
            pack.findElement(By.cssSelector("button[type=submit]")).click();
            awaitResult(pack);
            assertTrue(pack.findElement(By.cssSelector(".form-result")).getText().contains(firstCase), pack.getText());
            wait.until(d -> d.findElements(By.cssSelector("#cases tr[data-sscc='" + firstCase + "']")).size() == 1);

            // a second case: one pack scanned as its Digital Link, eleven more of the next unpacked codes
            JsonObject lotJson = api.get("/api/v1/lots/" + lot, coop.token()).json();
            String scanned = api.get("/api/v1/lots/" + lot + "/packing?next=1", coop.token()).json().getJsonArray("next").getString(0);
            pack.findElement(By.name("sscc")).sendKeys(secondCase);
            pack.findElement(By.name("serials")).sendKeys(lotJson.getString("digitalLink") + "/21/" + scanned + "\n");
            pack.findElement(By.id("next-count")).clear();
            pack.findElement(By.id("next-count")).sendKeys("11");
            pack.findElement(By.id("fill-next")).click();
            wait.until(d -> pack.findElement(By.name("serials")).getAttribute("value").lines().count() == 12);
            pack.findElement(By.cssSelector("button[type=submit]")).click();
            awaitResult(pack);
            JsonObject packing = api.get("/api/v1/lots/" + lot + "/packing", coop.token()).json();
            assertEquals(36, packing.getInteger("packed"), "two cases, none of their codes twice");

            // both cases onto a pallet: the list shows which pallet each case is on
            pack.findElement(By.name("sscc")).sendKeys(pallet.substring(0, 17));
            pack.findElement(By.name("ssccs")).sendKeys(firstCase + "\n" + secondCase.substring(0, 17));
            pack.findElement(By.cssSelector("button[type=submit]")).click();
            awaitResult(pack);
            WebElement onPallet = wait.until(d -> d.findElement(By.cssSelector("#cases tr[data-sscc='" + firstCase + "']"))
                    .getText().contains(pallet) ? d.findElement(By.cssSelector("#cases tr[data-sscc='" + secondCase + "']")) : null);
            assertTrue(onPallet.getText().contains(pallet), onPallet.getText());
            assertFits();
            ((JavascriptExecutor) browser.driver).executeScript("window.scrollTo(0, 0); document.getElementById('cases').scrollIntoView({block: 'nearest'})");
            browser.screenshot("console-pack" + suffix + ".png");

            // taking the pallet apart: its button fills the form for unpacking; afterwards the cases stand alone
            browser.driver.findElement(By.cssSelector("#cases tr[data-sscc='" + pallet + "'] button")).click();
            assertEquals("unpacking", new Select(pack.findElement(By.name("type"))).getFirstSelectedOption().getAttribute("value"));
            pack.findElement(By.cssSelector("button[type=submit]")).click();
            awaitResult(pack);
            wait.until(d -> d.findElements(By.cssSelector("#cases tr[data-sscc='" + pallet + "']")).isEmpty());
            assertFalse(browser.driver.findElement(By.cssSelector("#cases tr[data-sscc='" + firstCase + "']")).getText().contains(pallet));

            // a case is found by its SSCC (the list shows only the newest 200); an empty search shows them all again
            browser.driver.findElement(By.id("find-case")).sendKeys(secondCase.substring(0, 17) + "\n");
            wait.until(d -> d.findElements(By.cssSelector("#cases tbody tr")).size() == 1
                    && d.findElements(By.cssSelector("#cases tr[data-sscc='" + secondCase + "']")).size() == 1);
            browser.driver.findElement(By.id("find-case")).clear();
            browser.driver.findElement(By.id("find-case")).sendKeys("\n");
            wait.until(d -> d.findElements(By.cssSelector("#cases tbody tr")).size() == 2);

            // the lot page counts the packed codes; after a reload it still lists both code batches with their
            // downloads, and offers the lot's QR code as PNG and SVG files that download with the session cookie
            open("/console/#/lots/" + lot);
            WebElement lotPacking = waitFor(By.id("lot-packing"));
            assertTrue(lotPacking.getText().contains("36"), lotPacking.getText());
            assertEquals(2, waitFor(By.id("code-batches")).findElements(By.cssSelector("a[href$='/labels.pdf']")).size());
            assertEquals(2, browser.driver.findElements(By.cssSelector("#code-batches a[href$='/codes.csv']")).size());
            assertTrue(browser.driver.findElement(By.id("code-batches")).getText().contains("10000"),
                    browser.driver.findElement(By.id("code-batches")).getText());
            for (String format : new String[]{"png", "svg"}) {
                WebElement download = browser.driver.findElement(By.cssSelector("#qr-downloads a[href*='/qr." + format + "']"));
                assertTrue(download.isDisplayed());
                assertEquals("qr-", download.getAttribute("download").substring(0, 3));
                Object type = ((JavascriptExecutor) browser.driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('Content-Type')), e => done(String(e)));",
                        download.getAttribute("href"));
                assertEquals(format.equals("png") ? "200 image/png" : "200 image/svg+xml", type);
            }
            go("#/ship");
            WebElement ship = waitFor(By.id("ship-form"));
            new Select(ship.findElement(By.name("lotId"))).selectByValue(Long.toString(lot));
            ship.findElement(By.name("quantity.value")).sendKeys("100");
            new Select(ship.findElement(By.name("fromSiteId"))).selectByValue(Long.toString(farm));
            new Select(ship.findElement(By.name("toPartyId"))).selectByValue(Long.toString(processor.id()));
            wait.until(d -> new Select(ship.findElement(By.name("toSiteId"))).getOptions().stream()
                    .anyMatch(option -> option.getAttribute("value").equals(Long.toString(plant))));
            new Select(ship.findElement(By.name("toSiteId"))).selectByValue(Long.toString(plant));
            new Select(ship.findElement(By.name("carrierPartyId"))).selectByValue(Long.toString(carrier.id()));
            setTime(ship.findElement(By.name("time")), 4);
            ship.findElement(By.cssSelector("button[type=submit]")).click();
            awaitResult(ship);
            signOut();

            // the carrier starts at its readings upload, the only thing it records, and uploads the logger's readings
            // of the shipment it carries from a CSV file (sent in chunks, with progress)
            signIn(carrierLogin);
            wait.until(ExpectedConditions.urlContains("#/readings"));
            assertEquals(List.of("#/readings", "#/lots"), menuLinks());
            WebElement readings = waitFor(By.id("readings-form"));
            readings.findElement(By.name("readings")).sendKeys(readingsCsv(4500).toAbsolutePath().toString());
            readings.findElement(By.cssSelector("button[type=submit]")).click();
            awaitResult(readings);
            assertTrue(readings.findElement(By.cssSelector(".form-result")).getText().contains("4500"), readings.getText());
            assertEquals("4500", readings.findElement(By.tagName("progress")).getAttribute("value"));
            assertFits();
            browser.screenshot("console-readings" + suffix + ".png");
            signOut();

            // the processor receives the shipment and processes the leaf into black tea; it harvests nothing, so its
            // menu does not offer harvest registration
            signIn(processorLogin);
            String processorMenu = browser.driver.findElement(By.id("nav")).getText();
            assertFalse(processorMenu.contains(lang.equals("en") ? "Register harvest" : "登记采收"), processorMenu);
            assertEquals(0, browser.driver.findElements(By.cssSelector("#nav a[href='#/harvest']")).size());
            assertEquals(1, browser.driver.findElements(By.cssSelector("#nav a[href='#/process']")).size());
            go("#/receive");
            WebElement receive = waitFor(By.cssSelector("form.receive-form"));
            setTime(receive.findElement(By.name("time")), 3);
            receive.findElement(By.cssSelector("button[type=submit]")).click();
            awaitResult(receive);
            go("#/process");
            WebElement process = waitFor(By.id("process-form"));
            new Select(process.findElement(By.name("siteId"))).selectByValue(Long.toString(plant));
            setTime(process.findElement(By.name("time")), 2);
            new Select(process.findElement(By.name("inputs[0].lotId"))).selectByValue(Long.toString(lot));
            process.findElement(By.name("inputs[0].quantity.value")).sendKeys("100");
            new Select(process.findElement(By.name("outputs[0].productId"))).selectByValue(Long.toString(blackTea));
            process.findElement(By.name("outputs[0].quantity.value")).sendKeys("40");
            process.findElement(By.cssSelector("input[name=steps][value=withering]")).click();
            process.findElement(By.cssSelector("input[name=steps][value=drying]")).click();
            process.findElement(By.cssSelector("button[type=submit]")).click();
            long made = idFromResult(process);

            // it records a lab result on a lot it holds
            go("#/lab");
            WebElement labForm = waitFor(By.id("lab-form"));
            new Select(labForm.findElement(By.name("lotId"))).selectByValue(Long.toString(made));
            new Select(labForm.findElement(By.name("labPartyId"))).selectByValue(Long.toString(lab.id()));
            labForm.findElement(By.name("reportNumber")).sendKeys("LZ-2026-0042");
            new Select(labForm.findElement(By.name("test"))).selectByValue("pesticide_residue");
            labForm.findElement(By.name("result")).sendKeys("未检出 not detected");
            setTime(labForm.findElement(By.name("time")), 1);
            labForm.findElement(By.cssSelector("button[type=submit]")).click();
            awaitResult(labForm);

            signOut();

            // the lab starts at its lab results; it holds no lots, so it scans the QR code its sample came labelled with
            // (a pack of the new lot); a link that names no lot is refused at the field
            String packOfMade = api.post("/api/v1/lots/" + made + "/codes", processor.token(), new JsonObject().put("count", 1)).json()
                    .getJsonArray("first").getString(0);
            signIn(labLogin);
            wait.until(ExpectedConditions.urlContains("#/lab"));
            assertEquals(List.of("#/lab", "#/lots"), menuLinks());
            WebElement sample = waitFor(By.id("lab-form"));
            sample.findElement(By.name("lot")).sendKeys(packOfMade.replaceFirst("/10/[^/]+", "/10/NO-SUCH-LOT"));
            assertEquals(Long.toString(lab.id()), new Select(sample.findElement(By.name("labPartyId"))).getFirstSelectedOption()
                    .getAttribute("value"), "the lab records as itself");
            sample.findElement(By.name("reportNumber")).sendKeys("XZ-LAB-2026-0117");
            new Select(sample.findElement(By.name("test"))).selectByValue("moisture");
            sample.findElement(By.name("result")).sendKeys("6.1 %");
            setTime(sample.findElement(By.name("time")), 0.5);
            sample.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(d -> sample.findElement(By.cssSelector("[data-field='lot'] .error")).getText().contains("NO-SUCH-LOT"));
            sample.findElement(By.name("lot")).clear();
            sample.findElement(By.name("lot")).sendKeys(packOfMade);
            sample.findElement(By.cssSelector("button[type=submit]")).click();
            awaitResult(sample);
            assertFits();
            browser.screenshot("console-lab" + suffix + ".png");
            signOut();
            assertTrue(api.get("/api/v1/lots/" + made + "/events", processor.token()).body().contains("XZ-LAB-2026-0117"),
                    "the processor sees the lab's result on its lot");
            signIn(processorLogin);

            // the trace graph of the new lot shows the harvest; clicking it opens the harvest lot
            go("#/trace/" + made + "/backward");
            WebElement node = waitFor(By.cssSelector("svg.trace a[data-lot='" + lot + "']"));
            assertEquals(2, browser.driver.findElements(By.cssSelector("svg.trace a.trace-lot")).size());
            String[] named = node.findElement(By.tagName("title")).getAttribute("textContent").split(" · ");
            assertEquals(3, named.length, "a lot node names its lot code, product and owner");
            assertTrue(!named[1].isBlank() && !named[2].isBlank(), String.join(" · ", named));
            assertFits();
            browser.screenshot("console-trace" + suffix + ".png");
            node.click();
            wait.until(ExpectedConditions.urlContains("#/lots/" + lot));
            signOut();

            // the regulator sees the dashboard and recalls the harvest
            signIn(regulatorLogin);
            wait.until(ExpectedConditions.urlContains("#/dashboard"));
            waitFor(By.cssSelector("svg.chart"));
            assertFits();
            browser.screenshot("console-dashboard" + suffix + ".png");
            go("#/lots/" + lot);
            WebElement recall = waitFor(By.id("recall-form"));
            recall.findElement(By.name("reason")).sendKeys("农残超标");
            recall.findElement(By.cssSelector("button[type=submit]")).click();
            awaitResult(recall);
            go("#/dashboard");
            WebElement recalls = waitFor(By.id("dash-recalls"));
            assertTrue(recalls.getText().contains("农残超标"), recalls.getText());

            // a shopper scanning a pack of the processed lot sees the recall
            open(packOfMade.substring(packOfMade.indexOf("/01/")));
            WebElement banner = waitFor(By.id("recall"));
            assertTrue(banner.getText().contains("农残超标"), banner.getText());
        }

        /** A logger's export: a header and one temperature every 2 seconds since the shipment left. */
        private java.nio.file.Path readingsCsv(int count) {
            StringBuilder csv = new StringBuilder("time,temperature,measure,device\n");
            java.time.OffsetDateTime start = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusHours(4)
                    .withNano(0);
            for (int i = 0; i < count; i++) {
                csv.append(start.plusSeconds(2L * i)).append(',').append(12 + i % 5).append(",temperature,LOG-7731\n");
            }
            try {
                java.nio.file.Path file = java.nio.file.Files.createTempFile("readings", ".csv");
                java.nio.file.Files.writeString(file, csv);
                file.toFile().deleteOnExit();
                return file;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** The menu's links, in order. */
        private List<String> menuLinks() {
            return browser.driver.findElements(By.cssSelector("#nav a")).stream()
                    .map(a -> a.getAttribute("href").replaceFirst(".*(?=#)", "")).toList();
        }

        private void user(Fixtures.Party party, String login, String role) {
            Api.Response created = api.post("/api/v1/users", TestServer.ADMIN_TOKEN, ConsoleSignInTest.newUser(party.id(), login, role));
            assertEquals(201, created.status(), created.body());
        }

        private void signIn(String login) {
            if (!browser.driver.getCurrentUrl().contains("#/signin")) {
                open("/console/#/signin");
            }
            WebElement form = waitFor(By.id("signin-form"));
            form.findElement(By.name("login")).sendKeys(login);
            form.findElement(By.name("password")).sendKeys(PASSWORD);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("signout")).isDisplayed());
            String nav = browser.driver.findElement(By.id("nav")).getText();
            assertFalse(nav.isBlank(), "the menu for the role is shown");
            if (lang.equals("en")) {
                assertEquals("en", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
                assertFalse(nav.matches(".*[\\u4e00-\\u9fff].*"), "English menu: " + nav);
            } else {
                assertTrue(nav.matches("(?s).*[\\u4e00-\\u9fff].*"), "Chinese menu: " + nav);
            }
        }

        private void signOut() {
            browser.driver.findElement(By.id("signout")).click();
            waitFor(By.id("signin-form"));
        }

        /** Waits for the form's answer and insists it was not refused. */
        private void awaitResult(WebElement form) {
            String errors = wait.until(d -> {
                String shown = form.findElements(By.cssSelector(".error")).stream().map(WebElement::getText)
                        .filter(text -> !text.isBlank()).reduce("", (a, b) -> a + " " + b);
                return !shown.isBlank() ? shown : form.findElement(By.cssSelector(".form-result")).getText().isBlank() ? null : "";
            });
            assertEquals("", errors, "refused: " + form.getText());
        }

        private long idFromResult(WebElement form) {
            WebElement link = wait.until(d -> {
                var found = form.findElements(By.cssSelector(".form-result a"));
                if (found.isEmpty()) {
                    String error = form.findElement(By.cssSelector(".form-error")).getText();
                    assertTrue(error.isBlank(), "refused: " + error + " " + form.getText());
                    return null;
                }
                return found.get(0);
            });
            String href = link.getAttribute("href");
            return Long.parseLong(href.substring(href.lastIndexOf('/') + 1));
        }

        private void open(String path) {
            browser.driver.get("http://localhost:" + server.config.port() + path);
        }

        private void go(String hash) {
            ((JavascriptExecutor) browser.driver).executeScript("location.hash = arguments[0]", hash);
        }

        private WebElement waitFor(By by) {
            try {
                return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("no " + by + " at " + browser.driver.getCurrentUrl() + "; the page shows: "
                        + browser.driver.findElement(By.tagName("body")).getText() + "; browser log: "
                        + browser.driver.manage().logs().get("browser").getAll(), e);
            }
        }

        /** Sets a datetime-local input to this many hours ago, in the browser's own time zone. */
        private void setTime(WebElement input, double hoursAgo) {
            ((JavascriptExecutor) browser.driver).executeScript("const d = new Date(Date.now() - arguments[1] * 3600e3"
                    + " - new Date().getTimezoneOffset() * 60000); arguments[0].value = d.toISOString().slice(0, 16);", input, hoursAgo);
        }

        private void assertFits() {
            Number scrollWidth = (Number) ((JavascriptExecutor) browser.driver).executeScript("return document.documentElement.scrollWidth");
            assertTrue(scrollWidth.intValue() <= browser.width, "no sideways scrolling at " + browser.width + " px: " + scrollWidth);
        }
    }
}
