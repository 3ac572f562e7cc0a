package org.plateautrace.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium driven by Selenium, as a phone (emulated 360 px viewport) or a desktop window. */
final class HeadlessChromium implements AutoCloseable {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    /** The repository's docs folder; the tests run in modules/trace-server. */
    /**
     * Where screenshots go: the module's target/screenshots, or docs/ (the README's pictures) when the tests run
     * with {@code -Dscreenshots=docs}, so that an ordinary test run leaves the checkout as it was.
     */
    static final Path DOCS = "docs".equals(System.getProperty("screenshots")) ? Path.of("../../docs") : Path.of("target/screenshots");

    final ChromeDriver driver;
    final int width;
    private final Path profile;

    private HeadlessChromium(int width, boolean phone) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("the browser tests need headless Chromium at " + CHROMIUM + " and its driver at " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver (scripts/test does this when it can)");
        }
        this.width = width;
        try {
            profile = Files.createTempDirectory("plateau-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.getPath());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + ",900", "--user-data-dir=" + profile.toAbsolutePath(), "--lang=zh-CN");
        if (phone) {
            // headless Chromium will not make a window narrower than 500 px: emulate the phone's viewport
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", 800, "pixelRatio", 1.0, "mobile", true, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    static HeadlessChromium phone() {
        return new HeadlessChromium(360, true);
    }

    static HeadlessChromium desktop() {
        return new HeadlessChromium(1280, false);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(DOCS);
            Files.write(DOCS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
