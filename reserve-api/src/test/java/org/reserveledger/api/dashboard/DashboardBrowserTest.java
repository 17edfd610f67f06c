package org.reserveledger.api.dashboard;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboards in headless Chromium (Debian's chromium and chromedriver) on the demo reserve. Without
 * them these tests say so and are skipped, unless {@code RESERVE_REQUIRE_BROWSER} is set, as CI sets it:
 * then a missing browser fails them. Screenshots of each page go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "reserve.demo=true")
@ActiveProfiles("test")
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("reserve.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("reserve.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration LOAD = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static WebDriver browser;
    /** Why the browser tests cannot run here, or {@code null}. */
    private static String absent;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, DashboardBrowserTest.class);
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "no Chromium at " + CHROMIUM + " with chromedriver at " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver): the dashboards' browser tests are skipped";
            if (System.getenv("RESERVE_REQUIRE_BROWSER") != null) {
                fail(message.replace("are skipped", "cannot run, and RESERVE_REQUIRE_BROWSER demands them"));
            }
            System.err.println("[DashboardBrowserTest] " + message);
            absent = message;
            return;
        }
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1440,1000", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + Files.createTempDirectory("reserve-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        // The network events: which requests a page made and how each was answered.
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        // Each test reports itself skipped, with the reason, when the browser is missing.
        assumeTrue(absent == null, absent);
        browser.get(base());
        js("sessionStorage.clear();");
        browser.get("about:blank");
        consoleErrors();
        network();
    }

    @Test
    void everyPageLoadsWithoutConsoleErrorsAndShowsTheApisFigures() throws Exception {
        signIn("AUDITOR");
        Api auditor = api("AUDITOR");
        long head = head(auditor);

        open("inventory", head);
        JsonNode byMineral = auditor.get("/api/v1/views/inventory-by-mineral?minPosition=" + head).json();
        for (JsonNode mineral : byMineral.get("minerals")) {
            String code = mineral.get("mineral").asString();
            assertFigure("mineral-" + code + "-onHand", mineral.get("onHandTonnes").decimalValue());
            assertFigure("mineral-" + code + "-reference", mineral.get("referenceValueUsd").decimalValue());
            assertFigure("mineral-" + code + "-committed", mineral.get("committedTonnes").decimalValue());
            assertFigure("mineral-" + code + "-drawnLastYear", mineral.get("drawnLastYearTonnes").decimalValue());
            if (!mineral.get("daysOfCover").isNull()) {
                assertFigure("mineral-" + code + "-daysOfCover", mineral.get("daysOfCover").decimalValue());
            }
        }
        assertThat(byMineral.get("minerals").valueStream().filter(m -> !m.get("daysOfCover").isNull()))
                .as("the demo's draws give some minerals a days-of-cover figure").isNotEmpty();
        JsonNode bySite = auditor.get("/api/v1/views/inventory-by-site?minPosition=" + head).json();
        for (JsonNode site : bySite.get("sites")) {
            assertFigure("site-" + site.get("siteId").asString() + "-used", site.get("usedTonnes").decimalValue());
        }
        screenshot("inventory");

        open("commitments", head);
        JsonNode commitments = auditor.get("/api/v1/views/commitments?minPosition=" + head).json().get("commitments");
        assertThat(browser.findElements(By.cssSelector("tr[data-commitment]"))).hasSize(commitments.size());
        for (JsonNode commitment : commitments) {
            String id = commitment.get("commitmentId").asString();
            assertFigure("commitment-" + id + "-drawn", commitment.get("drawnTonnes").decimalValue());
            assertFigure("commitment-" + id + "-outstanding", commitment.get("outstandingDrawTonnes").decimalValue());
        }
        assertFigure("overdue-count", BigDecimal.valueOf(commitments.valueStream().filter(c -> c.get("overdue").asBoolean()).count()));
        screenshot("commitments");

        open("financing", head);
        JsonNode financing = auditor.get("/api/v1/views/financing?minPosition=" + head).json();
        JsonNode exim = financing.get("facilities").get(0);
        assertFigure("facility-" + exim.get("facilityId").asString() + "-drawn", exim.get("drawnUsd").decimalValue());
        assertFigure("facility-" + exim.get("facilityId").asString() + "-principal", exim.get("principalOutstandingUsd").decimalValue());
        assertFigure("cash", financing.get("sourcesAndUses").get("cashUsd").decimalValue());
        assertFigure("capital-called", financing.get("privateCapital").get("calledUsd").decimalValue());
        assertFigure("coverage", financing.get("collateral").get("coverageRatio").decimalValue());
        screenshot("financing");

        open("concentration", head);
        for (JsonNode mineral : auditor.get("/api/v1/views/concentration?minPosition=" + head).json().get("minerals")) {
            assertFigure("hhi-" + mineral.get("mineral").asString(), mineral.get("hhi").decimalValue());
        }
        screenshot("concentration");

        open("audit", head);
        JsonNode verification = auditor.get("/api/v1/audit/verify").json();
        assertThat(text("chain-status")).isEqualTo("verified");
        assertThat(text("head-hash")).isEqualTo(verification.get("headHash").asString());
        assertThat(browser.findElements(By.cssSelector("tr[data-position]"))).isNotEmpty();
        JsonNode last = auditor.get("/api/v1/audit/events?afterPosition=" + (head - 1)).json().get("events").get(0);
        assertThat(text("actor-" + head)).isEqualTo(last.get("actor").asString());
        screenshot("audit");

        assertThat(consoleErrors()).as("console errors").isEmpty();
    }

    @Test
    void aCommandAppearsOnTheOpenPageWithinTwoSecondsWithoutAReload() throws Exception {
        signIn("OPERATOR");
        Api operator = api("OPERATOR");
        open("inventory", head(operator));
        BigDecimal before = figure("mineral-GALLIUM-onHand");
        js("window.reserveNotReloaded = true;");

        Api.Response deposited = operator.post("/api/v1/sites/TN-OAKRIDGE-01/deposits", Api.json("mineral", "GALLIUM",
                "form", "4N metal", "quantityTonnes", 5.5, "unitCostUsd", 650000, "supplier", "Rhine Semiconductor Metals",
                "originCountry", "DE", "fundingSource", "PRIVATE_CAPITAL"));
        assertThat(deposited.status()).as(deposited.toString()).isEqualTo(201);

        BigDecimal expected = before.add(new BigDecimal("5.5"));
        new WebDriverWait(browser, Duration.ofSeconds(2)).until(driver -> expected.compareTo(figure("mineral-GALLIUM-onHand")) == 0);
        assertThat(js("return window.reserveNotReloaded === true;")).isEqualTo(true);
        assertThat(browser.findElement(By.id("status")).getText()).contains("position " + deposited.position());
        screenshot("inventory-live");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void theTimeControlShowsAnEarlierState() throws Exception {
        signIn("AUDITOR");
        Api auditor = api("AUDITOR");
        Instant earlier = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(1100);
        Api.Response deposited = api("OPERATOR").post("/api/v1/sites/NV-RENO-01/deposits", Api.json("mineral", "LITHIUM",
                "form", "carbonate", "quantityTonnes", 321.125, "unitCostUsd", 12000, "supplier", "Andes Lithium Trading",
                "originCountry", "CL", "fundingSource", "EXIM_LOAN"));
        assertThat(deposited.status()).isEqualTo(201);
        open("inventory", deposited.position());
        BigDecimal now = figure("mineral-LITHIUM-onHand");
        BigDecimal then = auditor.get("/api/v1/views/inventory-by-mineral?asOf=" + earlier).json().get("minerals")
                .valueStream().filter(m -> m.get("mineral").asString().equals("LITHIUM")).findFirst().orElseThrow()
                .get("onHandTonnes").decimalValue();
        assertThat(now.subtract(then)).isEqualByComparingTo("321.125");

        js("document.getElementById('as-of').value = arguments[0];",
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(earlier));
        browser.findElement(By.id("time-apply")).click();
        new WebDriverWait(browser, LOAD).until(driver -> earlier.toString().equals(
                driver.findElement(By.id("page")).getDomAttribute("data-as-of")));
        assertThat(figure("mineral-LITHIUM-onHand")).isEqualByComparingTo(then);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("not live");
        assertThat(browser.findElement(By.id("axes")).getText()).isEqualTo("As recorded at " + earlier);
        screenshot("inventory-as-of");

        for (String page : List.of("commitments", "financing", "concentration", "audit")) {
            browser.get(base() + "#" + page);
            new WebDriverWait(browser, LOAD).until(driver -> page.equals(driver.findElement(By.id("page")).getDomAttribute("data-page"))
                    && earlier.toString().equals(driver.findElement(By.id("page")).getDomAttribute("data-as-of")));
        }
        // The audit page, the last one opened, lists the events recorded by then, newest first.
        long headThen = auditor.get("/api/v1/audit/head?asOf=" + earlier).json().get("position").asLong();
        assertThat(headThen).isPositive().isLessThan(deposited.position());
        assertThat(browser.findElements(By.cssSelector("tr[data-position]")).getFirst().getDomAttribute("data-position"))
                .isEqualTo(Long.toString(headThen));
        assertThat(browser.findElements(By.cssSelector("tr[data-position='" + deposited.position() + "']"))).isEmpty();
        screenshot("audit-as-of");
        browser.findElement(By.id("time-clear")).click();
        new WebDriverWait(browser, LOAD).until(driver -> "".equals(driver.findElement(By.id("page")).getDomAttribute("data-as-of")));
        assertThat(browser.findElement(By.id("axes")).isDisplayed()).isFalse();
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void aManufacturerSeesOnlyItsOwnCommitmentsOnEveryPage() throws Exception {
        Api auditor = api("AUDITOR");
        long head = head(auditor);
        List<String> everyones = auditor.get("/api/v1/views/commitments?minPosition=" + head).json().get("commitments")
                .valueStream().map(c -> c.get("manufacturerId").asString()).distinct().toList();
        assertThat(everyones).hasSizeGreaterThan(1).contains("VOLTCELL");

        signIn("MANUFACTURER");
        open("commitments", head);
        List<WebElement> rows = browser.findElements(By.cssSelector("tr[data-commitment]"));
        JsonNode own = api("MANUFACTURER").get("/api/v1/views/commitments?minPosition=" + head).json().get("commitments");
        assertThat(rows).hasSize(own.size()).isNotEmpty();
        assertThat(rows).allSatisfy(row -> assertThat(row.getDomAttribute("data-manufacturer")).isEqualTo("VOLTCELL"));
        screenshot("commitments-manufacturer");

        List<String> tabs = browser.findElements(By.cssSelector("nav a")).stream()
                .map(a -> a.getDomAttribute("data-page")).toList();
        assertThat(tabs).as("a manufacturer's tabs").containsExactly("inventory", "commitments", "concentration");
        for (String page : tabs) {
            open(page, head);
            String shown = browser.findElement(By.id("page")).getText();
            for (String other : everyones) {
                if (!other.equals("VOLTCELL")) {
                    assertThat(shown).as(page + " shows no commitment of " + other).doesNotContain(other);
                }
            }
        }
        open("inventory", head);
        assertThat(browser.findElements(By.cssSelector("[data-testid$='-committed']"))).isEmpty();
        // The financing and audit pages, asked for by address, are not shown and their views not called.
        for (String refused : List.of("financing", "audit")) {
            browser.get(base() + "#" + refused);
            new WebDriverWait(browser, LOAD).until(driver -> "inventory".equals(
                    driver.findElement(By.id("page")).getDomAttribute("data-page")));
        }
        List<Exchange> exchanges = network();
        assertThat(exchanges).as("the manufacturer's pages called the API").anyMatch(e -> e.url().contains("/api/v1/views/"));
        assertThat(exchanges).as("requests answered 4xx or 5xx").noneMatch(e -> e.status() >= 400);
        assertThat(exchanges).as("financing, audit or admin requested")
                .noneMatch(e -> e.url().matches(".*/api/v1/(views/financing|financing|audit|admin)\\b.*"));
        assertThat(browser.findElements(By.cssSelector("[data-testid='page-error']"))).isEmpty();
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void theBooksAtAndAsRecordedAtControlsShowTheFinancingViewOnBothAxes() throws Exception {
        signIn("TREASURY");
        Api treasury = api("TREASURY");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // A month end inside the demo's ten months, with flows both before and after it.
        LocalDate booksAt = today.minusMonths(3).withDayOfMonth(1).minusDays(1);
        open("financing", head(treasury));
        JsonNode now = treasury.get("/api/v1/views/financing?minPosition=" + head(treasury)).json();

        selectTime(booksAt.toString(), "");
        JsonNode atDate = treasury.get("/api/v1/views/financing?valueDate=" + booksAt).json();
        assertFinancingShown(atDate);
        assertThat(js("return document.querySelector(\"[data-testid='value-date']\").getAttribute('data-value');"))
                .isEqualTo(booksAt.toString());
        assertThat(atDate.get("facilities")).as("the facilities at " + booksAt + " differ from today's")
                .isNotEqualTo(now.get("facilities"));
        assertThat(browser.findElement(By.id("axes")).getText()).isEqualTo("Books at " + booksAt);
        screenshot("financing-books-at");

        // A back-dated drawdown recorded after `earlier`: the books at that date, as recorded then, lack it.
        Instant earlier = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(1100);
        BigDecimal amount = new BigDecimal("12345678.91");
        Api.Response drawdown = treasury.post("/api/v1/financing/facilities/EXIM-VAULT-1/drawdowns", Api.json(
                "amountUsd", amount, "valueDate", booksAt.minusDays(10).toString(), "purpose", "Back-dated purchase"));
        assertThat(drawdown.status()).as(drawdown.toString()).isEqualTo(201);
        JsonNode knownNow = treasury.get("/api/v1/views/financing?valueDate=" + booksAt + "&minPosition="
                + drawdown.position()).json();
        JsonNode knownThen = treasury.get("/api/v1/views/financing?valueDate=" + booksAt + "&asOf=" + earlier).json();
        assertThat(drawn(knownNow).subtract(drawn(knownThen))).isEqualByComparingTo(amount);

        selectTime(booksAt.toString(), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(earlier));
        new WebDriverWait(browser, LOAD).until(driver -> earlier.toString().equals(
                driver.findElement(By.id("page")).getDomAttribute("data-as-of")));
        assertFinancingShown(knownThen);
        assertThat(browser.findElement(By.id("axes")).getText()).isEqualTo("Books at " + booksAt + " · As recorded at " + earlier);
        List<Exchange> exchanges = network();
        assertThat(exchanges).as("the financing view asked for on both axes").anyMatch(e -> e.status() == 200
                && e.url().contains("/api/v1/views/financing?") && e.url().contains("valueDate=" + booksAt)
                && e.url().contains("asOf=" + earlier.toString().replace(":", "%3A")));
        assertThat(exchanges).noneMatch(e -> e.status() >= 400);
        screenshot("financing-books-at-as-recorded-at");

        browser.findElement(By.id("time-clear")).click();
        new WebDriverWait(browser, LOAD).until(driver -> "".equals(driver.findElement(By.id("page")).getDomAttribute("data-value-date"))
                && "".equals(driver.findElement(By.id("page")).getDomAttribute("data-as-of")));
        assertThat(browser.findElement(By.id("axes")).isDisplayed()).isFalse();
        assertFigure("facility-EXIM-VAULT-1-drawn", drawn(treasury.get("/api/v1/views/financing?minPosition="
                + drawdown.position()).json()));
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void aWrongTokenIsRefusedWithAClearMessage() throws Exception {
        browser.get(base());
        new WebDriverWait(browser, LOAD).until(ExpectedConditions.visibilityOfElementLocated(By.id("token")))
                .sendKeys("not-a-token");
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        WebElement error = new WebDriverWait(browser, LOAD)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
        assertThat(error.getText()).isEqualTo("That token is not valid.");
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
        screenshot("sign-in-refused");
    }

    // ---------- helpers ----------

    /** One response the page received: its status and the URL asked for. */
    record Exchange(int status, String url) {
    }

    /** The responses received since the last call, from Chromium's network events. */
    private static List<Exchange> network() {
        return browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(entry -> JSON.readTree(entry.getMessage()).get("message"))
                .filter(message -> "Network.responseReceived".equals(message.get("method").asString()))
                .map(message -> message.get("params").get("response"))
                .map(response -> new Exchange(response.get("status").asInt(), response.get("url").asString()))
                .toList();
    }

    /** Sets both time inputs (empty: the default) and waits for the page drawn at that business date. */
    private void selectTime(String valueDate, String asOf) {
        js("document.getElementById('value-date').value = arguments[0]; document.getElementById('as-of').value = arguments[1];",
                valueDate, asOf);
        browser.findElement(By.id("time-apply")).click();
        new WebDriverWait(browser, LOAD).until(driver -> valueDate.equals(
                driver.findElement(By.id("page")).getDomAttribute("data-value-date")));
    }

    private void assertFinancingShown(JsonNode financing) {
        JsonNode exim = financing.get("facilities").valueStream()
                .filter(f -> f.get("facilityId").asString().equals("EXIM-VAULT-1")).findFirst().orElseThrow();
        assertFigure("facility-EXIM-VAULT-1-drawn", exim.get("drawnUsd").decimalValue());
        assertFigure("facility-EXIM-VAULT-1-principal", exim.get("principalOutstandingUsd").decimalValue());
        assertFigure("facility-EXIM-VAULT-1-interestAccrued", exim.get("interestAccruedUsd").decimalValue());
        assertFigure("cash", financing.get("sourcesAndUses").get("cashUsd").decimalValue());
        assertFigure("capital-called", financing.get("privateCapital").get("calledUsd").decimalValue());
        assertFigure("loan-outstanding", financing.get("collateral").get("loanOutstandingUsd").decimalValue());
    }

    private static BigDecimal drawn(JsonNode financing) {
        return financing.get("facilities").valueStream()
                .filter(f -> f.get("facilityId").asString().equals("EXIM-VAULT-1")).findFirst().orElseThrow()
                .get("drawnUsd").decimalValue();
    }

    private String base() {
        return "http://localhost:" + port + "/";
    }

    private Api api(String role) {
        return new Api(port, null).as(role);
    }

    private static long head(Api api) {
        return Long.parseLong(api.get("/api/v1/views/inventory-by-site").header("X-Projection-Position"));
    }

    private void signIn(String role) {
        browser.get("about:blank");
        browser.get(base());
        WebElement token = new WebDriverWait(browser, LOAD).until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        token.sendKeys(Api.tokenOf(role));
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        new WebDriverWait(browser, LOAD).until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
    }

    /** Opens a page and waits until it shows at least this position. */
    private void open(String page, long position) {
        browser.get(base() + "#" + page);
        new WebDriverWait(browser, LOAD).until(driver -> {
            WebElement main = driver.findElement(By.id("page"));
            String shown = main.getDomAttribute("data-position");
            return page.equals(main.getDomAttribute("data-page")) && shown != null && !shown.isEmpty()
                    && Long.parseLong(shown) >= position;
        });
    }

    /** A figure's exact value, read in one script call so that a re-render cannot come between finding and reading it. */
    private BigDecimal figure(String testId) {
        Object value = js("const e = document.querySelector(arguments[0]); return e ? e.getAttribute('data-value') : null;",
                "[data-testid='" + testId + "']");
        if (value == null) {
            throw new NoSuchElementException("no figure " + testId + " on the page");
        }
        return new BigDecimal(value.toString());
    }

    private String text(String testId) {
        return browser.findElement(By.cssSelector("[data-testid='" + testId + "']")).getText();
    }

    private void assertFigure(String testId, BigDecimal expected) {
        assertThat(figure(testId)).as(testId).isEqualByComparingTo(expected);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    private static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
