package io.bulwark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.plugin.Inventories;
import io.bulwark.plugin.MutableClock;
import io.bulwark.plugin.PluginClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** The portal over HTTP, as a browser without a screen would use it, on both databases. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql"})
class PortalHttpTest {
    static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
    static final String PASSWORD = "correct horse";

    @Parameter
    String engine;

    private PortalServer server;
    private long dana;
    private long shop;

    @BeforeEach
    void start() {
        server = PortalServer.start(engine, new MutableClock(NOW),
                VulnerabilityDetails.NONE);
        dana = server.addUser("Dana Reyes", "dana@example.com", PASSWORD);
        shop = server.addSite(dana, "https://shop.example.com");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void loginLink_redeemed_opensSessionWithHouseCookieFlags() {
        WebClient browser = new WebClient(server.base());

        WebClient.Page redeemed = browser.get(server.loginLink(dana));

        assertThat(redeemed.status()).isEqualTo(303);
        assertThat(redeemed.location()).isEqualTo("/portal");
        assertThat(redeemed.header("Referrer-Policy")).hasValue("no-referrer");
        assertThat(redeemed.response().headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("bulwark_session=")
                        .contains("Path=/", "HttpOnly", "SameSite=Lax")
                        .doesNotContain("Secure"));
        WebClient.Page sites = browser.get("/portal");
        assertThat(sites.status()).isEqualTo(200);
        assertThat(sites.body()).contains("<title>Your sites – Bulwark</title>",
                "https://shop.example.com", "Managed by Example Hosting", "Dana Reyes");
    }

    @Test
    void loginLink_usedTwice_answersGonePage() {
        String link = server.loginLink(dana);
        new WebClient(server.base()).get(link);

        WebClient.Page again = new WebClient(server.base()).get(link);

        assertThat(again.status()).isEqualTo(410);
        assertThat(again.header("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(again.body()).contains("<h1>This login link is no longer valid</h1>",
                "href=\"/assets/bulwark.css\"", "href=\"/login\"");
        assertThat(again.response().headers().allValues("Set-Cookie"))
                .noneMatch(cookie -> cookie.startsWith("bulwark_session="));
    }

    @Test
    void loginLink_afterADay_answersGonePage() {
        String link = server.loginLink(dana);
        server.clock().advance(Duration.ofHours(24));

        WebClient.Page late = new WebClient(server.base()).get(link);

        assertThat(late.status()).isEqualTo(410);
        assertThat(late.body()).contains("Login links work once and expire after 24 hours.");
    }

    @Test
    void loginLink_onHttpsPublicUrl_setsSecureCookie() {
        String node = server.startNode(Map.of("BULWARK_PUBLIC_URL", "https://portal.example.test"));
        String link = server.loginLink(dana);

        WebClient.Page redeemed = new WebClient(node).get(link.replace(server.base(), node));

        assertThat(redeemed.status()).isEqualTo(303);
        assertThat(redeemed.response().headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("bulwark_session=")
                        .contains("HttpOnly", "SameSite=Lax", "Secure"));
    }

    @Test
    void portal_withoutSession_redirectsToSignIn() {
        WebClient.Page page = new WebClient(server.base()).get("/portal/sites/" + shop);

        assertThat(page.status()).isEqualTo(303);
        assertThat(page.location()).isEqualTo("/login");
    }

    @Test
    void login_rightPassword_opensSession() {
        WebClient browser = new WebClient(server.base());

        WebClient.Page signedIn = signIn(browser, "Dana@Example.com", PASSWORD);

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.location()).isEqualTo("/portal");
        assertThat(browser.get("/portal").body()).contains("https://shop.example.com");
        assertThat(browser.get("/login").location()).isEqualTo("/portal");
    }

    @Test
    void login_wrongPasswordOrUnknownEmail_answersTheSameRefusal() {
        WebClient browser = new WebClient(server.base());

        WebClient.Page wrongPassword = signIn(browser, "dana@example.com", "wrong horse");
        WebClient.Page unknownEmail = signIn(browser, "nobody@example.com", PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(422);
        assertThat(unknownEmail.status()).isEqualTo(422);
        String refusal = "<p class=\"alert alert-error\" role=\"alert\" id=\"login-error\">"
                + "The email address or password is incorrect.</p>";
        assertThat(wrongPassword.body()).contains(refusal);
        assertThat(unknownEmail.body().replace("nobody@example.com", "dana@example.com"))
                .isEqualTo(wrongPassword.body());
    }

    @Test
    void login_withoutFormToken_isRefused() {
        WebClient browser = new WebClient(server.base());
        browser.get("/login");

        WebClient.Page forged = browser.post("/login", Map.of("email", "dana@example.com",
                "password", PASSWORD, "csrf", "forged-token-forged-token-forged"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("The sign-in form had expired. Please try again.");
        assertThat(browser.cookie("bulwark_session")).isEmpty();
    }

    @Test
    void login_afterFiveFailures_refusesEvenTheRightPasswordUntilTheWindowEnds() {
        WebClient browser = new WebClient(server.base());
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(signIn(browser, "dana@example.com", "guess " + attempt).status())
                    .isEqualTo(422);
        }

        WebClient.Page locked = signIn(browser, "dana@example.com", PASSWORD);
        server.clock().advance(Duration.ofMinutes(15));
        WebClient.Page later = signIn(browser, "dana@example.com", PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).hasValue("900");
        assertThat(locked.body()).contains("Too many failed sign-in attempts. Try again in "
                + "15 minutes, or use a login link from your hosting provider.");
        assertThat(later.status()).isEqualTo(303);
    }

    @Test
    void login_limit_isSharedByEveryNodeOfTheDatabase() {
        String otherNode = server.startNode();
        WebClient first = new WebClient(server.base());
        WebClient second = new WebClient(otherNode);
        for (int attempt = 1; attempt <= 5; attempt++) {
            WebClient node = attempt % 2 == 0 ? first : second;
            assertThat(signIn(node, "dana@example.com", "guess " + attempt).status())
                    .isEqualTo(422);
        }

        WebClient.Page locked = signIn(first, "dana@example.com", PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
    }

    @Test
    void login_manyAddressesFromOneClient_isLimitedToo() {
        WebClient browser = new WebClient(server.base());
        for (int attempt = 1; attempt <= 50; attempt++) {
            assertThat(signIn(browser, "guess" + attempt + "@example.com", PASSWORD).status())
                    .isEqualTo(422);
        }

        WebClient.Page locked = signIn(browser, "dana@example.com", PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
    }

    @Test
    void logout_withoutFormToken_isRefusedAndKeepsSession() {
        WebClient browser = signedIn();

        WebClient.Page refused = browser.post("/logout", Map.of("csrf", "not-the-token"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(refused.body()).contains("This form has expired or was not sent from this "
                + "portal. Go back, reload the page and try again.");
        assertThat(browser.get("/portal").status()).isEqualTo(200);
    }

    @Test
    void logout_withFormToken_endsSessionForGood() {
        WebClient browser = signedIn();
        String oldSession = browser.cookie("bulwark_session").orElseThrow();
        String token = browser.get("/portal").csrf();

        WebClient.Page out = browser.post("/logout", Map.of("csrf", token));
        WebClient stale = new WebClient(server.base());
        stale.setCookie("bulwark_session", oldSession);

        assertThat(out.status()).isEqualTo(303);
        assertThat(out.location()).isEqualTo("/login?reason=signed-out");
        assertThat(browser.get(out.location()).body()).contains("You have signed out.");
        assertThat(stale.get("/portal").location()).isEqualTo("/login?reason=expired");
    }

    @Test
    void sitePage_ofAnotherUsersSite_isNotFound() {
        long kim = server.addUser("Kim Other", "kim@example.com", PASSWORD);
        long kimsSite = server.addSite(kim, "https://kim.example.net");
        WebClient browser = signedIn();

        WebClient.Page others = browser.get("/portal/sites/" + kimsSite);
        WebClient.Page missing = browser.get("/portal/sites/999999");

        assertThat(others.status()).isEqualTo(404);
        assertThat(others.body()).contains("<h1>Page not found</h1>",
                "No site with id " + kimsSite + ".").doesNotContain("kim.example.net");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().replace("999999", String.valueOf(kimsSite)))
                .isEqualTo(others.body());
        assertThat(browser.get("/portal").body()).doesNotContain("kim.example.net");
    }

    @Test
    void session_idleLongerThanTheTimeout_hasEnded() {
        WebClient browser = signedIn();
        server.clock().advance(Duration.ofMinutes(119));
        assertThat(browser.get("/portal").status()).isEqualTo(200);

        server.clock().advance(Duration.ofMinutes(121));
        WebClient.Page expired = browser.get("/portal");

        assertThat(expired.status()).isEqualTo(303);
        assertThat(expired.location()).isEqualTo("/login?reason=expired");
        assertThat(browser.get("/login?reason=expired").body())
                .contains("Your session has ended. Please sign in again.");
    }

    @Test
    void session_activeForADay_endsAtItsMaximumAge() {
        WebClient browser = signedIn();
        for (int hour = 1; hour < 24; hour++) {
            server.clock().advance(Duration.ofHours(1));
            assertThat(browser.get("/portal").status()).as("after %s hours", hour)
                    .isEqualTo(200);
        }

        server.clock().advance(Duration.ofHours(1));

        assertThat(browser.get("/portal").location()).isEqualTo("/login?reason=expired");
    }

    @Test
    void passwordChange_withoutFormToken_isRefused() {
        WebClient browser = signedIn();

        WebClient.Page refused = browser.post("/portal/account/password", Map.of(
                "current_password", PASSWORD, "new_password", "battery staple",
                "new_password_confirmation", "battery staple"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(signIn(new WebClient(server.base()), "dana@example.com", PASSWORD).status())
                .isEqualTo(303);
    }

    @Test
    void passwordChange_wrongCurrentPassword_isRejected() {
        WebClient browser = signedIn();

        WebClient.Page rejected = changePassword(browser, "wrong horse", "battery staple",
                "battery staple");

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.body()).contains("The current password is incorrect.");
    }

    @Test
    void passwordChange_shortOrUnconfirmed_isRejected() {
        WebClient browser = signedIn();

        WebClient.Page tooShort = changePassword(browser, PASSWORD, "five5", "five5");
        WebClient.Page mismatch = changePassword(browser, PASSWORD, "battery staple",
                "battery stapler");

        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.body()).contains("The new password must be at least 6 characters.");
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.body())
                .contains("The new password and its confirmation do not match.");
    }

    @Test
    void passwordChange_valid_replacesPasswordAndEndsOtherSessions() {
        WebClient other = signedIn();
        WebClient browser = signedIn();

        WebClient.Page changed = changePassword(browser, PASSWORD, "battery staple",
                "battery staple");

        assertThat(changed.status()).isEqualTo(303);
        assertThat(changed.location()).isEqualTo("/portal/account?changed=password");
        assertThat(browser.get(changed.location()).body())
                .contains("Your password has been changed.");
        assertThat(other.get("/portal").status()).isEqualTo(303);
        WebClient fresh = new WebClient(server.base());
        assertThat(signIn(fresh, "dana@example.com", PASSWORD).status()).isEqualTo(422);
        assertThat(signIn(fresh, "dana@example.com", "battery staple").status())
                .isEqualTo(303);
    }

    @Test
    void sitesPage_showsConnectionAttacksAndComponentCounts() {
        server.ping(shop, NOW.minus(Duration.ofHours(2)), "2.3.2", true);
        server.attack(shop, NOW.minus(Duration.ofDays(1)), "203.0.113.7", "GET", "/a", "551");
        server.attack(shop, NOW.minus(Duration.ofDays(6)), "203.0.113.7", "GET", "/b", "551");
        server.attack(shop, NOW.minus(Duration.ofDays(8)), "203.0.113.7", "GET", "/c", "551");
        server.software(shop, 0, "plugin", "Example Forms", "example-forms", "3.6.9", "3.6.11",
                true, "vulnerable");
        server.software(shop, 1, "theme", "Twenty Twenty-Four", "twentytwentyfour", "1.0",
                "1.2", true, "not_vulnerable");
        server.software(shop, 2, "wordpress", "WordPress", "wordpress", "6.7", null, true,
                "not_vulnerable");
        long blog = server.addSite(dana, "https://blog.example.org");
        WebClient browser = signedIn();

        String page = browser.get("/portal").body();

        assertThat(figures(page, shop)).isEqualTo("connected 2 1 2 2.3.2");
        assertThat(figures(page, blog)).isEqualTo("waiting 0 0 0 —");
        assertThat(page).contains("Last contact 2026-12-04 13:00 UTC (2 hours ago).",
                "<dd class=\"note\">No software list yet</dd>");
    }

    @Test
    void sitePage_showsChartRecentRequestsAndSoftwareEscaped() {
        server.attack(shop, NOW.minus(Duration.ofMinutes(5)), "198.51.100.4", "POST",
                "/wp-admin/admin-ajax.php?x=<script>alert(1)</script>", "551234");
        server.attack(shop, NOW.minus(Duration.ofDays(40)), "192.0.2.1", "GET", "/old", "103");
        server.software(shop, 0, "plugin", "Example Forms", "example-forms", "3.6.9", "3.6.11",
                true, "vulnerable");
        server.software(shop, 1, "database", "MariaDB", null, "10.11.6", null, true, "unknown");
        WebClient browser = signedIn();

        WebClient.Page page = browser.get("/portal/sites/" + shop);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).hasValue("default-src 'none'; "
                + "style-src 'self'; img-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'");
        assertThat(count(page.body(), "<rect class=\"bar\"")).isEqualTo(2 * 32);
        assertThat(page.body()).contains("<title id=\"chart-title-wide\">Blocked requests per "
                + "day, 2026-11-03 to 2026-12-04</title>",
                "<td class=\"request-rule\">Rule 1234</td>",
                "x=&lt;script&gt;alert(1)&lt;/script&gt;",
                "<span class=\"badge badge-bad\">Vulnerable</span>",
                "<span class=\"badge badge-warn\">Outdated</span>",
                "Details of the matched vulnerabilities are not available yet.",
                "<span class=\"sub\">Database</span>",
                "Not yet checked against a complete vulnerability feed.")
                .doesNotContain("<script>");
        assertThat(page.body().indexOf("admin-ajax.php")).isLessThan(page.body().indexOf("/old"));
    }

    @Test
    void pluginUploads_appearInThePortal() {
        PortalServer.PluginSite site = server.addPluginSite(dana, "https://plugin.example.com");
        PluginClient plugin = new PluginClient(server.port(), site.url(), site.apiId(),
                site.secret());
        assertThat(plugin.token().status()).isEqualTo(200);
        assertThat(plugin.ping(1).status()).isEqualTo(200);
        assertThat(plugin.software(Inventories.standard(1, "5.3.3")).status()).isEqualTo(200);
        assertThat(plugin.firewallLogs(List.of(
                Inventories.blocked("203.0.113.7", "551234", "/wp-login.php", "POST",
                        "2026-12-04 14:00:00", ""),
                Inventories.blocked("198.51.100.4", "103", "/.env", "GET",
                        "2026-11-20 09:30:00", ""))).body()).isEqualTo("{\"success\":true}");
        WebClient browser = signedIn();

        String list = browser.get("/portal").body();
        String page = browser.get("/portal/sites/" + site.siteId()).body();

        assertThat(figures(list, site.siteId())).isEqualTo("connected 1 0 2 2.3.2");
        assertThat(page).contains("Last contact 2026-12-04 15:00 UTC (just now).",
                "<dd data-figure=\"attacks-32\">2</dd>",
                "<td class=\"request-rule\">Rule 1234</td>", "<td class=\"request-uri mono\" "
                        + "title=\"/.env\">/.env</td>",
                "<tr data-component=\"Akismet Anti-Spam\">",
                "10.11.19-MariaDB-0+deb12u1", "<dd class=\"note\">Not checked yet</dd>");
    }

    @Test
    void accountPage_showsPlanAndProvider() {
        WebClient browser = signedIn();

        String page = browser.get("/portal/account").body();

        assertThat(page).contains("<dd data-figure=\"plan\">Premium</dd>",
                "<dd data-figure=\"renewal\">Monthly</dd>",
                "<dd data-figure=\"expiry\">No expiry date</dd>",
                "<dd data-figure=\"addons\">None</dd>", "<dd>Example Hosting</dd>");
    }

    @Test
    void styleSheet_isServedAsCss() {
        WebClient.Page css = new WebClient(server.base()).get("/assets/bulwark.css");

        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.body()).contains(":focus-visible {");
    }

    @Test
    void apiRoutes_keepJsonErrors() {
        WebClient.Page page = new WebClient(server.base()).get("/hosting/nothing-here");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body())
                .isEqualTo("{\"error\":\"Endpoint GET /hosting/nothing-here not found\"}");
    }

    private WebClient signedIn() {
        WebClient browser = new WebClient(server.base());
        assertThat(browser.get(server.loginLink(dana)).status()).isEqualTo(303);
        return browser;
    }

    private static WebClient.Page signIn(WebClient browser, String email, String password) {
        String token = browser.get("/login").csrf();
        return browser.post("/login", Map.of("email", email, "password", password,
                "csrf", token));
    }

    private static WebClient.Page changePassword(WebClient browser, String current,
            String next, String confirmation) {
        String token = browser.get("/portal/account").csrf();
        return browser.post("/portal/account/password", Map.of("csrf", token,
                "current_password", current, "new_password", next,
                "new_password_confirmation", confirmation));
    }

    /** A site card's connection state and figures, space-separated, in page order. */
    private static String figures(String page, long siteId) {
        int start = page.indexOf("data-site=\"" + siteId + "\"");
        String card = page.substring(start, page.indexOf("</li>", start));
        StringBuilder result = new StringBuilder();
        Matcher connection = Pattern.compile("data-connection=\"([a-z-]+)\"").matcher(card);
        result.append(connection.find() ? connection.group(1) : "?");
        Matcher figure = Pattern.compile("data-figure=\"[a-z-]+\">([^<]*)<").matcher(card);
        while (figure.find()) {
            result.append(' ').append(figure.group(1));
        }
        return result.toString();
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
