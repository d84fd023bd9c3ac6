package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven through its own chromedriver (no driver download). Opens the pages
 * the tests write and answers what a person would see.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("TRAILCHECK_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("TRAILCHECK_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path AXE = Cli.REPO.resolve(".tools/axe-core/node_modules/axe-core/axe.min.js");
    static final String INSTALL_HINT = "browser tests skipped: no Chromium at " + CHROMIUM + " / " + CHROMEDRIVER
            + "; install it with `apt-get install chromium chromium-driver` (.ci/run does), or point TRAILCHECK_CHROMIUM and TRAILCHECK_CHROMEDRIVER at another build";
    private static final ObjectMapper JSON = new ObjectMapper();

    final ChromeDriver driver;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-extensions", "--no-first-run", "--window-size=1280,1000");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    void open(Path page) {
        driver.get(page.toUri().toString());
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Console messages at SEVERE (errors, CSP violations, failed loads) since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** Everything the page fetched besides itself. */
    long networkRequests() {
        return (Long) js("return performance.getEntriesByType('resource').length;");
    }

    /** axe-core's violations at the given impacts, as "id (impact): help" lines. */
    List<String> accessibilityViolations(String... impacts) throws IOException {
        if (!Files.isRegularFile(AXE)) {
            throw new IllegalStateException("axe-core missing at " + AXE + ": run bash .ci/install-axe-core.sh (mvn verify does)");
        }
        js(Files.readString(AXE));
        driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(JSON.stringify(r.violations)); })"
                        + ".catch(function (e) { done(JSON.stringify([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}])); });");
        JsonNode violations = JSON.readTree((String) result);
        List<String> wanted = List.of(impacts);
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode v : violations) {
            if (wanted.contains(v.path("impact").asText())) {
                out.add(v.path("id").asText() + " (" + v.path("impact").asText() + "): " + v.path("help").asText() + " " + v.path("nodes").path(0).path("html").asText());
            }
        }
        return out;
    }

    /** A PNG of the page from its top, {@code width} wide and at most {@code maxHeight} high (0: the whole page). */
    void screenshot(Path file, int width, int maxHeight) throws IOException {
        driver.manage().window().setSize(new Dimension(width, 1000));
        js("window.scrollTo(0, 0);");
        long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight);");
        int shown = (int) Math.min(height, maxHeight > 0 ? maxHeight : 16000);
        driver.manage().window().setSize(new Dimension(width, shown));
        js("window.scrollTo(0, 0);");
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(file.getParent());
        Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
