package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailcheck.bench.TenantGenerator;
import io.trailcheck.bench.TenantShape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML reports opened in headless Chromium, checked for what a person sees: the numbers are the JSON
 * result's, filters show exactly what they name, links go to the lines at fault, nothing is fetched, no
 * script error, no serious accessibility violation. Skipped, with one line, where Chromium is missing.
 */
class HtmlReportBrowserTest {
    static final String BLOB = "https://github.com/contoso/agents/blob/0123456789abcdef0123456789abcdef01234567/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Browser browser;

    @TempDir Path dir;

    @BeforeAll
    static void startBrowser() {
        if (!Browser.available()) System.err.println("trailcheck: " + Browser.INSTALL_HINT);
        assumeTrue(Browser.available(), Browser.INSTALL_HINT);
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void exampleReportShowsTheJsonResult() throws Exception {
        Path json = dir.resolve("example.json");
        Path html = dir.resolve("example.html");
        scanInActions(Cli.EXAMPLE, "--json", json.toString(), "--html", html.toString());
        JsonNode result = JSON.readTree(json.toFile());
        browser.open(html);

        assertEquals(result.path("summary").path("error").asText(), text("#count-error"));
        assertEquals(result.path("summary").path("warning").asText(), text("#count-warning"));
        assertCoverageMatches(result, "");
        assertMatrixMatches(result);
        assertRuleFilterShowsExactly(result, "CIL003", "");
        assertLinksPointAtTheLines(result);
        assertCleanPage();
        Path shot = Cli.REPO.resolve("cli/target/report-example.png");
        browser.screenshot(shot, 1280, 0);
        assertTrue(Files.size(shot) > 10_000, "screenshot written");
        browser.screenshot(Cli.REPO.resolve("cli/target/report-example-top.png"), 1100, 1500);
        assertReadableOnAPhone();
        assertPrintHidesTheFilters();
    }

    @Test
    void hostileValuesAreShownVerbatimAndInert() throws Exception {
        String evil = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"> {1} %s $x";
        Path snap = Files.createDirectories(dir.resolve("snap/agents/evil"));
        Files.writeString(snap.resolve("settings.mcs.yml"), "displayName: '" + evil.replace("'", "''") + "'\n"
                + "schemaName: cr6b1_evil\naccessControlPolicy: Any\nauthenticationMode: None\nauthenticationTrigger: Always\n"
                + "configuration:\n  channels:\n    - channelId: \"<b onmouseover=alert(1)>Kiosk</b>\"\n");
        Path html = dir.resolve("evil.html");
        Cli scan = Cli.run("scan", dir.resolve("snap").toString(), "--html", html.toString(), "--fail-on", "never");
        assertEquals(0, scan.exit(), scan.toString());
        browser.open(html);
        assertEquals(null, browser.js("return window.pwned;"), "no injected script ran");
        String body = browser.driver.findElement(By.tagName("body")).getText();
        assertTrue(body.contains(evil), "the display name is shown as written");
        assertTrue(body.contains("<b onmouseover=alert(1)>Kiosk</b>"), "the channel id is shown as written");
        assertEquals(0L, browser.js("return document.querySelectorAll('main script, main img, main b').length;"));
        assertCleanPage();
    }

    @Test
    void reportMergesThreeTenants() throws Exception {
        Path policy = dir.resolve("exempt.yaml");
        LocalDate expires = LocalDate.now().plusDays(40);
        Files.writeString(policy, "exemptions:\n  - rule: CIL003\n    agent: cr6b1_hrHelper\n    channel: Directline\n"
                + "    reason: HR kiosk, App Insights on\n    approvedBy: security-office\n    ticket: SEC-1412\n    expires: " + expires + "\n");
        Path overlay = dir.resolve("sharepoint.yaml");
        Files.writeString(overlay, "channels:\n  SharePoint: logged\n");
        List<Path> results = List.of(dir.resolve("fabrikam.json"), dir.resolve("northwind.json"), dir.resolve("tailspin.json"));
        scan("--json", results.get(0).toString());
        scan("--json", results.get(1).toString(), "--policy", policy.toString());
        scan("--json", results.get(2).toString(), "--policy", overlay.toString());
        Path html = dir.resolve("summary.html");
        Path md = dir.resolve("summary.md");
        Cli report = Cli.run("report", results.get(0).toString(), results.get(1).toString(), results.get(2).toString(),
                "--html", html.toString(), "--markdown", md.toString());
        assertEquals(0, report.exit(), report.toString());
        browser.open(html);

        int errors = 0;
        for (Path r : results) {
            JsonNode result = JSON.readTree(r.toFile());
            String tenant = r.getFileName().toString().replace(".json", "");
            WebElement row = browser.driver.findElement(By.cssSelector("table.tenants tbody tr[data-tenant='" + tenant + "']"));
            List<WebElement> cells = row.findElements(By.cssSelector("td"));
            assertEquals(result.path("summary").path("error").asText(), cells.get(1).getText(), tenant + " errors");
            assertEquals(result.path("summary").path("warning").asText(), cells.get(2).getText(), tenant + " warnings");
            assertEquals(result.path("summary").path("exempt").asText(), cells.get(4).getText(), tenant + " exempt");
            errors += result.path("summary").path("error").asInt();
            assertCoverageMatches(result, tenant);
            assertRuleFilterShowsExactly(result, "CIL011", tenant);
        }
        assertEquals(Integer.toString(errors), browser.driver.findElement(By.cssSelector("#totals td:nth-of-type(2)")).getText());
        WebElement exemption = browser.driver.findElement(By.cssSelector("#exemptions tbody tr"));
        String shown = exemption.getText();
        assertTrue(shown.contains("security-office") && shown.contains("SEC-1412") && shown.contains(expires.toString()), shown);
        JsonNode exempted = JSON.readTree(results.get(1).toFile());
        long days = ChronoUnit.DAYS.between(LocalDate.parse(exempted.path("evaluatedOn").asText()), expires);
        assertEquals(Long.toString(days), exemption.findElement(By.cssSelector("td.num")).getText());
        assertTrue(Files.readString(md).contains("| northwind | passed |"), Files.readString(md));
        assertCleanPage();
    }

    @Test
    void aHundredThousandUserTenantStaysSmallAndFilters() throws Exception {
        Path snap = dir.resolve("big");
        new TenantGenerator(TenantShape.ofUsers(100_000, 42)).write(snap);
        Path json = dir.resolve("big.json");
        Path html = dir.resolve("big.html");
        Cli scan = Cli.run("scan", snap.toString(), "--json", json.toString(), "--html", html.toString(), "--fail-on", "never");
        assertEquals(0, scan.exit(), scan.toString());
        long size = Files.size(html);
        assertTrue(size < 3_000_000, "page of " + size + " bytes: counts and top offenders, not every user");
        JsonNode result = JSON.readTree(json.toFile());
        assertTrue(result.path("users").size() > 1000, "the tenant has many affected users");
        browser.open(html);
        String rule = mostFrequentRule(result);
        assertRuleFilterShowsExactly(result, rule, "");
        int agents = result.path("coverage").path("agents").size();
        assertEquals(Math.min(agents, 200), browser.driver.findElements(By.cssSelector("#coverage-table tbody tr")).size());
        assertEquals(List.of(), browser.consoleErrors());
    }

    private static void scan(String... options) {
        List<String> args = new ArrayList<>(List.of("scan", Cli.EXAMPLE.toString(), "--fail-on", "never"));
        args.addAll(List.of(options));
        Cli scan = Cli.run(args.toArray(String[]::new));
        assertEquals(0, scan.exit(), scan.toString());
    }

    /** Runs the real command line in a child JVM with GitHub Actions' variables, so links go to blob lines. */
    private static void scanInActions(Path snapshot, String... reports) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "scan", snapshot.toString(),
                "--source-root", Cli.REPO.toString(), "--fail-on", "never"));
        cmd.addAll(List.of(reports));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_REPOSITORY", "contoso/agents");
        env.put("GITHUB_SHA", BLOB.substring(BLOB.length() - 41, BLOB.length() - 1));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "scan finished");
        assertEquals(0, p.exitValue(), out);
    }

    private static void assertCoverageMatches(JsonNode result, String tenant) {
        Map<String, Map<String, Object>> rows = coverageRows(tenant);
        for (JsonNode a : result.path("coverage").path("agents")) {
            String agent = a.path("agent").asText();
            Map<String, Object> row = rows.get(agent);
            String where = tenant + "/" + agent;
            assertTrue(row != null, where + " has a row");
            assertEquals(a.path("people").asText("?"), row.get("people"), where + " people");
            assertEquals(a.path("recorded").asText("?"), row.get("recorded"), where + " recorded");
            assertEquals(a.path("unknown").asText("?"), row.get("unknown"), where + " unknown");
            Map<String, String> expected = new TreeMap<>();
            a.path("notRecorded").properties().forEach(e -> expected.put(e.getKey(), e.getKey() + " " + e.getValue().asText()));
            assertEquals(expected, new TreeMap<>((Map<?, ?>) row.get("reasons")), where + " reasons");
        }
    }

    /** The coverage table's rows of one tenant as shown: agent → people, recorded, unknown, reasons. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> coverageRows(String tenant) {
        return (Map<String, Map<String, Object>>) browser.js("var tenant = arguments[0], out = {};"
                + "document.querySelectorAll('#coverage-table tbody tr').forEach(function (tr) {"
                + "  if (tr.dataset.tenant !== tenant) return;"
                + "  var reasons = {};"
                + "  tr.querySelectorAll('[data-reason]').forEach(function (s) { reasons[s.dataset.reason] = s.innerText.trim(); });"
                + "  out[tr.dataset.agent] = {people: tr.querySelector('.people').innerText, recorded: tr.querySelector('.recorded').innerText,"
                + "    unknown: tr.querySelector('.unknown').innerText, reasons: reasons};"
                + "});"
                + "return out;", tenant);
    }

    private static void assertMatrixMatches(JsonNode result) {
        for (JsonNode a : result.path("coverage").path("agents")) {
            WebElement row = browser.driver.findElement(By.cssSelector("#channel-matrix tbody tr[data-agent='" + a.path("agent").asText() + "']"));
            Map<String, String> expected = new TreeMap<>();
            a.path("channels").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asText().replace('-', ' ')));
            Map<String, String> shown = new TreeMap<>();
            for (WebElement cell : row.findElements(By.cssSelector("td[data-channel]"))) {
                String text = cell.getText();
                if (!text.equals("–")) shown.put(cell.getAttribute("data-channel"), text.substring(2));
            }
            assertEquals(expected, shown, a.path("agent").asText());
        }
    }

    /** Choosing a rule (and tenant) leaves exactly that rule's findings, by location, visible. */
    private static void assertRuleFilterShowsExactly(JsonNode result, String rule, String tenant) {
        resetFilters();
        if (!tenant.isEmpty()) new Select(browser.driver.findElement(By.id("filter-tenant"))).selectByValue(tenant);
        new Select(browser.driver.findElement(By.id("filter-rule"))).selectByValue(rule);
        List<String> expected = new ArrayList<>();
        for (JsonNode f : result.path("findings")) {
            if (f.path("ruleId").asText().equals(rule)) {
                expected.add(f.path("location").path("file").asText() + ":" + f.path("location").path("line").asText());
            }
        }
        @SuppressWarnings("unchecked")
        List<List<String>> visible = (List<List<String>>) browser.js("return Array.prototype.filter.call("
                + "document.querySelectorAll('#findings-table tbody tr.finding'), function (tr) { return tr.getClientRects().length > 0; })"
                + ".map(function (tr) { return [tr.dataset.rule, tr.querySelector('td.location').innerText]; });");
        List<String> shown = new ArrayList<>();
        for (List<String> row : visible) {
            assertEquals(rule, row.get(0));
            shown.add(row.get(1));
        }
        expected.sort(null);
        shown.sort(null);
        assertEquals(expected, shown, rule + " in " + tenant);
        assertEquals(Integer.toString(shown.size()), text("#shown-count"));
        resetFilters();
    }

    private static void resetFilters() {
        for (WebElement s : browser.driver.findElements(By.cssSelector("form.filters select"))) new Select(s).selectByValue("");
    }

    /** Each finding links to its file and line on GitHub, and that line is the one the finding is about. */
    private static void assertLinksPointAtTheLines(JsonNode result) throws IOException {
        Set<String> expected = new TreeSet<>();
        for (JsonNode f : result.path("findings")) {
            String file = f.path("location").path("file").asText();
            int line = f.path("location").path("line").asInt();
            expected.add(BLOB + file + "#L" + line);
            // a CIL018 finding is located at the conversation it is about, not at a channel entry
            if (f.has("channel") && !f.path("ruleId").asText().equals("CIL018")) {
                String text = Files.readAllLines(Cli.REPO.resolve(file)).get(line - 1);
                assertTrue(text.contains(f.path("channel").asText()), file + ":" + line + " holds channel " + f.path("channel") + ": " + text);
            }
        }
        Set<String> links = new TreeSet<>();
        browser.driver.findElements(By.cssSelector("#findings-table td.location a")).forEach(a -> links.add(a.getAttribute("href")));
        assertEquals(expected, links);
    }

    private static void assertCleanPage() throws IOException {
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
        assertEquals(0L, browser.networkRequests(), "network requests");
        assertEquals(List.of(), browser.accessibilityViolations("serious", "critical"), "axe-core");
    }

    private static void assertReadableOnAPhone() {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        long overflow = (Long) browser.js("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(overflow <= 0, "no sideways scrolling on a phone: " + overflow + " px too wide");
        browser.driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    private static void assertPrintHidesTheFilters() {
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertFalse(browser.driver.findElement(By.id("filter-rule")).isDisplayed(), "filters are not printed");
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        assertTrue(browser.driver.findElement(By.id("filter-rule")).isDisplayed());
    }

    private static String mostFrequentRule(JsonNode result) {
        Map<String, Integer> counts = new TreeMap<>();
        result.path("findings").forEach(f -> counts.merge(f.path("ruleId").asText(), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }
}
