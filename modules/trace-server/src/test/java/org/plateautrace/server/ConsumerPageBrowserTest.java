package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The consumer page as a shopper sees it: a real headless Chromium (Debian's chromium and chromium-driver) on a
 * 360 px wide phone screen, driven through Selenium. Checks what is visible, not what the HTML contains, and saves
 * screenshots for a person to look at (to docs/ with {@code -Dscreenshots=docs}, see {@link HeadlessChromium#DOCS}).
 */
class ConsumerPageBrowserTest extends ServerTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final int WIDTH = 360;

    private ChromeDriver driver;
    private Path profile;
    private Fixtures.Party coop;
    private long farm;
    private long tea;

    @BeforeAll
    void startBrowser() throws IOException {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("the consumer-page browser test needs headless Chromium at " + CHROMIUM + " and its driver at "
                    + CHROMEDRIVER + ": apt-get install chromium chromium-driver (scripts/test does this when it can)");
        }
        coop = fixtures.party("cooperative");
        farm = fixtures.site(coop);
        tea = fixtures.product(coop, "tea", "kg");

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.getPath());
        profile = Files.createTempDirectory("plateau-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + WIDTH + ",800", "--user-data-dir=" + profile.toAbsolutePath(), "--lang=zh-CN");
        // a shopper's phone in China asks for Chinese (the machine's own locale may say English)
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        // headless Chromium will not make a window narrower than 500 px: emulate the phone's 360 px viewport
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", WIDTH, "height", 800, "pixelRatio", 1.0, "mobile", true, "touch", true)));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stopBrowser() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
        }
    }

    @Test
    void aShopperSeesTheProductOnA360PixelPhone() throws IOException {
        open(packPath(lot()));
        assertEquals("zh-CN", driver.findElement(By.tagName("html")).getAttribute("lang"));
        WebElement name = driver.findElement(By.cssSelector("#product h1"));
        assertTrue(name.isDisplayed(), "the product name is visible");
        assertEquals("林芝红茶", name.getText());
        assertTrue(driver.findElements(By.id("recall")).isEmpty(), "no recall banner on a lot that is not recalled");
        String body = visibleText();
        assertTrue(body.contains("林芝红茶"), body);
        assertTrue(body.contains("品牌"), "Chinese labels: " + body);
        assertTrue(driver.findElement(By.linkText("English")).isDisplayed(), "the language toggle is visible");
        assertFits();
        screenshot("consumer-page.png");
    }

    @Test
    void theLanguageToggleShowsTheEnglishPage() {
        open(packPath(lot()));
        driver.findElement(By.linkText("English")).click();
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(driver.getCurrentUrl().contains("lang=en"), driver.getCurrentUrl());
        WebElement name = driver.findElement(By.cssSelector("#product h1"));
        assertTrue(name.isDisplayed());
        assertEquals("Nyingchi black tea", name.getText());
        String body = visibleText();
        assertTrue(body.contains("Brand"), "English labels: " + body);
        assertTrue(body.contains("Origin"), "English labels: " + body);
        assertFalse(body.contains("品牌"), "no Chinese labels left: " + body);
        assertTrue(driver.findElement(By.linkText("中文")).isDisplayed(), "and a way back");
        assertFits();
    }

    @Test
    void aRecallIsTheFirstThingTheShopperSees() throws IOException {
        JsonObject lot = lot();
        recall(lot);
        // the shopper scans the code (not within the page's 30 s cache lifetime of an earlier scan)
        open(packPath(lot));
        assertRecallBannerOnTop("a new scan");
        screenshot("consumer-page-recalled.png");
    }

    @Test
    void aReloadAfterARecallShowsTheBannerToo() {
        JsonObject lot = lot();
        open(packPath(lot));
        recall(lot);
        driver.navigate().refresh(); // a reload revalidates the cached page
        assertRecallBannerOnTop("a reload");
    }

    private void recall(JsonObject lot) {
        Api.Response recall = api.post("/api/v1/lots/" + lot.getLong("id") + "/recall", coop.token(),
                new JsonObject().put("reason", "农残超标"));
        assertEquals(200, recall.status(), recall.body());
    }

    /** The banner is the first thing on the page AND in view: top of the first screen, above the product name. */
    private void assertRecallBannerOnTop(String after) {
        WebElement banner = driver.findElement(By.id("recall"));
        WebElement name = driver.findElement(By.cssSelector("#product h1"));
        assertTrue(banner.isDisplayed(), "the recall banner is shown after " + after);
        assertTrue(banner.getText().contains("已召回"), banner.getText());
        assertTrue(banner.getText().contains("农残超标"), "the reason is shown: " + banner.getText());
        assertEquals(0, banner.getLocation().getY(), "the banner is the top of the page");
        assertTrue(banner.getLocation().getY() + banner.getSize().getHeight() <= name.getLocation().getY(),
                "the banner is above the product name");
        String body = visibleText();
        assertTrue(body.startsWith("⚠ 已召回"), "the page starts with the recall: " + body);
        assertTrue(body.indexOf("农残超标") < body.indexOf("林芝红茶"), body);
        Number top = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.getElementById('recall').getBoundingClientRect().top");
        assertEquals(0, top.intValue(), "after " + after + " the banner must be in view at the top of the screen, but the"
                + " browser has scrolled it " + -top.intValue() + " px out of view (Chrome restores the scroll position on"
                + " reload and its scroll anchoring then keeps the old first block, the header, on top when the banner"
                + " is inserted above it; html{overflow-anchor:none} in the page style stops that)");
        assertFits();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private void open(String path) {
        driver.get("http://localhost:" + server.config.port() + path);
    }

    private String visibleText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    private void assertFits() {
        Number scrollWidth = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
        Number viewport = (Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth");
        assertEquals(WIDTH, viewport.intValue(), "the viewport is a 360 px phone's");
        assertTrue(scrollWidth.intValue() <= WIDTH, "no sideways scrolling at 360 px: scrollWidth " + scrollWidth);
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(HeadlessChromium.DOCS);
        Files.write(HeadlessChromium.DOCS.resolve(name), png);
    }

    private JsonObject lot() {
        Api.Response created = api.post("/api/v1/lots", coop.token(), Fixtures.teaHarvest(tea, farm));
        assertEquals(201, created.status(), created.body());
        JsonObject lot = created.json();
        Api.Response codes = api.post("/api/v1/lots/" + lot.getLong("id") + "/codes", coop.token(), new JsonObject().put("count", 1));
        assertEquals(201, codes.status(), codes.body());
        return lot.put("codes", codes.json().getJsonArray("first"));
    }

    private static String packPath(JsonObject lot) {
        String uri = lot.getJsonArray("codes").getString(0);
        return uri.substring(uri.indexOf("/01/"));
    }
}
