package io.bulwark.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.bulwark.plugin.MutableClock;
import io.bulwark.sites.SiteView;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A customer's walk through the portal in headless Chromium: login link, sites, one site,
 * account, sign-out, the used link, password sign-in. Screenshots of every page land in
 * {@code target/screenshots/} for a person to look at.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql"})
class PortalBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");

    @Parameter
    String engine;

    @TempDir
    Path profile;

    private PortalServer server;
    private ChromeDriver driver;

    @BeforeEach
    void start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get update && apt-get install -y chromium "
                    + "chromium-driver");
        }
        server = PortalServer.start(engine, new MutableClock(NOW), new FakeFeed());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void customer_walksThroughThePortal() {
        long dana = server.addUser("Dana Reyes", "dana@example.com", "correct horse");
        long shop = server.addSite(dana, "https://shop.example.com");
        long blog = server.addSite(dana, "https://blog.example.org");
        long archive = server.addSite(dana, "https://archive.example.net");
        shopData(shop);
        server.ping(archive, NOW.minus(Duration.ofHours(30)), "2.3.1", false);
        String link = server.loginLink(dana);

        driver.get(link);
        assertThat(driver.getTitle()).isEqualTo("Your sites – Bulwark");
        assertThat(driver.getCurrentUrl()).isEqualTo(server.base() + "/portal");
        assertThat(texts(By.cssSelector(".card-title"))).containsExactly(
                "https://shop.example.com", "https://blog.example.org",
                "https://archive.example.net");
        assertThat(driver.findElement(By.cssSelector(".managed")).getText())
                .isEqualTo("Managed by Example Hosting");
        assertThat(blog).isPositive();
        screenshot("01-sites");
        phoneScreenshot("02-sites-phone");

        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to main content");
        screenshot("03-skip-link-focused");
        WebElement shopLink = driver.findElement(By.linkText("https://shop.example.com"));
        navigate(() -> shopLink.sendKeys(Keys.ENTER));

        assertThat(driver.getTitle()).isEqualTo("https://shop.example.com – Bulwark");
        assertThat(driver.findElements(By.cssSelector("svg.chart-wide rect.bar"))).hasSize(32);
        assertThat(driver.findElement(By.cssSelector("svg.chart-wide")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("svg.chart-compact")).isDisplayed())
                .isFalse();
        assertThat(texts(By.cssSelector("tr.vulnerable .badge")))
                .contains("Vulnerable", "Outdated");
        assertThat(texts(By.cssSelector(".vuln-facts a"))).contains("CVE-2023-12345");
        assertThat(driver.findElement(By.cssSelector("[data-figure=vulnerable]")).getText())
                .isEqualTo("2");
        screenshot("04-site");
        phoneScreenshot("05-site-phone");

        click(By.linkText("Account"));
        assertThat(driver.getTitle()).isEqualTo("Your account – Bulwark");
        screenshot("06-account");

        click(By.cssSelector(".signout button"));
        assertThat(driver.getCurrentUrl()).isEqualTo(server.base() + "/login?reason=signed-out");
        assertThat(driver.findElement(By.cssSelector(".alert-notice")).getText())
                .isEqualTo("You have signed out.");
        screenshot("07-signed-out");

        driver.get(link);
        assertThat(driver.getTitle()).isEqualTo("Login link no longer valid – Bulwark");
        screenshot("08-link-used");

        click(By.linkText("Sign in with a password"));
        signIn("dana@example.com", "not my password");
        assertThat(driver.findElement(By.cssSelector(".alert-error")).getText())
                .isEqualTo("The email address or password is incorrect.");
        screenshot("09-login-refused");
        driver.findElement(By.id("email")).clear();
        signIn("dana@example.com", "correct horse");
        assertThat(driver.getTitle()).isEqualTo("Your sites – Bulwark");

        driver.get(server.base() + "/portal/sites/999999");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        screenshot("10-not-found");
    }

    private void shopData(long shop) {
        server.ping(shop, NOW.minus(Duration.ofHours(2)), "2.3.2", true);
        server.jdbi().useHandle(handle -> handle.createUpdate("UPDATE sites SET "
                        + "vulnerabilities_as_of = :asOf WHERE id = :site")
                .bind("asOf", NOW.minus(Duration.ofHours(5)))
                .bind("site", shop)
                .execute());
        String[] uris = {"/wp-login.php", "/xmlrpc.php", "/wp-config.php.bak",
            "/wp-admin/admin-ajax.php?action=vulnerable_action&id=1%20OR%201=1",
            "/?s=<script>alert(document.cookie)</script>", "/.env"};
        String[] fids = {"551300", "551024", "103", "551234", "552001", "107"};
        for (int day = 31; day >= 0; day--) {
            int count = (day * 7 + 3) % 11 == 0 ? 0 : (day * 5 + 2) % 9;
            for (int n = 0; n < count; n++) {
                int pick = (day + n) % uris.length;
                server.attack(shop, NOW.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(
                        37L * n + 3)), "203.0.113." + (10 + (day * 3 + n) % 40),
                        pick == 3 ? "POST" : "GET", uris[pick], fids[pick]);
            }
        }
        server.software(shop, 0, "php", "PHP", null, "8.2.12", null, true, "unknown");
        server.software(shop, 1, "plugin", "Example Forms", "example-forms", "3.6.9", "3.6.11",
                true, "vulnerable");
        server.software(shop, 2, "plugin", "Akismet Anti-Spam", "akismet", "5.3.5", null, true,
                "not_vulnerable");
        server.software(shop, 3, "plugin", "Hello Dolly", "hello", "1.7.2", null, false,
                "not_vulnerable");
        server.software(shop, 4, "plugin", "Legacy Slider", "legacy-slider", "2.1.0", null,
                true, "vulnerable");
        server.software(shop, 5, "theme", "Twenty Twenty-Four", "twentytwentyfour", "1.0",
                "1.2", true, "not_vulnerable");
        server.software(shop, 6, "wordpress", "WordPress", "wordpress", "6.7.1", null, true,
                "not_vulnerable");
        server.software(shop, 7, "database", "MariaDB", null, "10.11.6", null, true, "unknown");
    }

    private void signIn(String email, String password) {
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        click(By.cssSelector("form button[type=submit]"));
    }

    /** Clicks what {@code target} finds and waits until the next page has loaded. */
    private void click(By target) {
        WebElement element = driver.findElement(target);
        navigate(element::click);
    }

    /**
     * Runs {@code action} and waits until it has replaced the page with another one: the old
     * document is marked first, and the wait ends at a loaded document without the mark.
     */
    private void navigate(Runnable action) {
        driver.executeScript("document.documentElement.dataset.leaving = 'yes'");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(WebDriverException.class)
                .until(browser -> Boolean.TRUE.equals(driver.executeScript(
                        "return document.readyState === 'complete' "
                                + "&& !document.documentElement.dataset.leaving")));
    }

    private List<String> texts(By selector) {
        return driver.findElements(selector).stream().map(WebElement::getText).toList();
    }

    /** The whole page at desktop width, however long it is. */
    private void screenshot(String name) {
        capture(name, 1280);
    }

    private void phoneScreenshot(String name) {
        capture(name, 390);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private void capture(String name, int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        Object height = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(width,
                Math.min(6000, ((Number) height).intValue() + 140)));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(engine + "-" + name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError("Cannot save screenshot " + name, e);
        }
    }

    /** Two invented records, as the vulnerability feature would match them. */
    private static final class FakeFeed implements VulnerabilityDetails {
        @Override
        public List<MatchedVulnerability> forSoftware(Handle handle, long siteId,
                SiteView.Software software) {
            String notice = "Copyright 2012-2026 Defiant Inc. Licensed under the Wordfence "
                    + "Intelligence Terms and Conditions.";
            return switch (String.valueOf(software.slug())) {
                case "example-forms" -> List.of(new MatchedVulnerability(
                        "Example Forms <= 3.6.10 - Authenticated (Contributor+) Stored Cross-Site "
                                + "Scripting", List.of("CVE-2023-12345"), Optional.of(6.4),
                        Optional.of("3.6.11"),
                        Optional.of("https://www.wordfence.com/threat-intel/vulnerabilities/"),
                        "Wordfence Intelligence", notice, false, false));
                case "legacy-slider" -> List.of(new MatchedVulnerability(
                        "Legacy Slider <= 2.1.0 - Unauthenticated SQL Injection",
                        List.of("CVE-2024-54321", "CVE-2024-54322"), Optional.of(9.8),
                        Optional.empty(), Optional.empty(), "Wordfence Intelligence", notice,
                        false, false));
                default -> List.of();
            };
        }
    }
}
