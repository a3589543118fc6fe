package org.paddock.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.paddock.testsupport.Browser;
import org.paddock.testsupport.PaddockProcess;
import org.paddock.testsupport.TestPaths;
import org.paddock.testsupport.pages.HomePage;
import org.paddock.testsupport.pages.LoginPage;
import org.paddock.testsupport.pages.ModulePage;
import org.paddock.testsupport.pages.ReleasePage;
import org.paddock.testsupport.pages.UpdateFormPage;
import org.paddock.testsupport.pages.UpdatePage;
import org.paddock.testsupport.pages.UpdatesListPage;
import org.paddock.testsupport.pages.UsersPage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paddock.testsupport.LocalHttp.freePort;

/**
 * A distribution's first day, in a browser, on its own Paddock started as README command 1 with demo data off: the
 * first admin (from the operator's settings) makes release F46 with advisory ids FEDORA-…, the group
 * httpd-maintainers and its maintainer alice; alice's first httpd:2.4 build makes the stream and her update goes to
 * testing by itself as FEDORA-2026-…; the admin branches F47 from F46 (stream, owner and cadence come along) and
 * retires httpd:2.4 in F46, whose next update is refused next to its builds.
 */
class FreshDistributionIT {

    private static final String ADMIN = "root";
    private static final String ADMIN_PASSWORD = "first-of-many";
    private static final String ALICE_PASSWORD = "alices-own-secret";

    static PaddockProcess paddock;
    static WebDriver browser;
    static URL base;

    @BeforeAll
    static void start() throws Exception {
        int port = freePort();
        paddock = PaddockProcess.start(Map.of("PADDOCK_HTTP_PORT", String.valueOf(port),
                "PADDOCK_DATA_DIR", TestPaths.dir("fresh-distribution-data").toString(),
                "PADDOCK_DEMO_DATA", "false",
                "PADDOCK_ADMIN_USER", ADMIN, "PADDOCK_ADMIN_PASSWORD", ADMIN_PASSWORD), TestPaths.dir("fresh-distribution"));
        paddock.awaitReady();
        base = new URL("http://localhost:" + port + "/");
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (paddock != null) {
            paddock.interruptAndAwaitExit();
        }
    }

    @Test
    void theFirstAdminStartsADistributionAndItsFirstUpdateGoesToTesting() throws Exception {
        signIn(ADMIN, ADMIN_PASSWORD);
        HomePage home = new HomePage(browser, base).open();
        assertThat(home.offersNewRelease()).isTrue();
        home.makeRelease("F46", "Fedora 46", "FEDORA", "current", null);
        ReleasePage f46 = new ReleasePage(browser, base);
        assertThat(f46.note()).contains("F46");
        assertThat(f46.aliasPrefix()).startsWith("FEDORA-");

        UsersPage users = new UsersPage(browser, base).open();
        users.createGroup("httpd-maintainers", "Maintainers of the Apache HTTP Server");
        users.createUser("alice", "Alice Example", ALICE_PASSWORD);
        users.edit("alice").toggleRole("maintainer").save();
        users.open().addMember("httpd-maintainers", "alice");
        assertThat(users.group("httpd-maintainers")).contains("alice");
        assertThat(users.user("alice")).contains("maintainer").contains("httpd-maintainers");
        users.screenshot("fresh-users");

        // alice's first httpd:2.4 build makes the stream, owned by her only group
        signIn("alice", ALICE_PASSWORD);
        UpdateFormPage form = new UpdatesListPage(browser, base).open().newUpdate();
        assertThat(form.asksOwnerGroup()).as("alice is in one group").isFalse();
        UpdatePage update = form.release("F46").modulemd(httpd("4620261201090000", "3a1f0c7e"))
                .updateType("security").severity("important").suggestion("restart")
                .title("httpd: fix response splitting in mod_proxy")
                .references("CVE-2026-40100")
                .submit();
        String alias = update.alias();
        assertThat(alias).matches("FEDORA-2026-[0-9a-f]{10}");
        assertThat(update.status()).isEqualTo("pending");
        assertThat(update.request()).isEqualTo("→ testing");
        // nothing asked of it yet, so the pusher (every minute) takes it to testing by itself
        awaitStatus(alias, "testing", Duration.ofSeconds(150));
        update.screenshot("fresh-first-update-testing");
        assertThat(new ModulePage(browser, base).open("F46", "httpd:2.4").owner()).isEqualTo("httpd-maintainers");

        // the admin gives httpd:2.4 a cadence of its own, then branches F47 from F46
        signIn(ADMIN, ADMIN_PASSWORD);
        ModulePage stream = new ModulePage(browser, base).open("F46", "httpd:2.4");
        stream.cadence().days("important", 3).save();
        home = new HomePage(browser, base).open();
        home.makeRelease("F47", "Fedora 47", "FEDORA", "pending", "F46");
        ReleasePage f47 = new ReleasePage(browser, base);
        assertThat(f47.note()).contains("branched from F46");
        assertThat(f47.stream("httpd:2.4")).contains("httpd-maintainers");
        ModulePage copied = new ModulePage(browser, base).open("F47", "httpd:2.4");
        assertThat(copied.owner()).isEqualTo("httpd-maintainers");
        assertThat(copied.cadence().daysFor("important")).contains("3");
        copied.screenshot("fresh-branched-stream");

        // the admin retires httpd:2.4 in F46: the release page says so, and no new update is taken
        f46 = new ReleasePage(browser, base).open("F46");
        assertThat(f46.offersStreamAdmin()).isTrue();
        f46.changeStream("httpd:2.4", null, "next spring", null);
        assertThat(f46.streamFieldMessage("stream-edit:eol")).contains("write the last day it takes updates as 2027-05-31");
        f46.retireStream("httpd:2.4");
        f46.screenshot("fresh-stream-retired");
        f46.screenshotOf("stream-admin", "fresh-stream-admin");
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        assertThat(f46.streamNote()).contains("httpd:2.4 retired").contains(yesterday);
        assertThat(f46.stream("httpd:2.4")).contains("end of life " + yesterday);

        signIn("alice", ALICE_PASSWORD);
        form = new UpdatesListPage(browser, base).open().newUpdate();
        form.release("F46").modulemd(httpd("4620261205090000", "3a1f0c7f")).updateType("bugfix")
                .title("httpd: one more fix").saveRefused("reached its end of life");
        assertThat(form.modulemdMessage()).contains("httpd:2.4 in F46 reached its end of life on " + yesterday);
        form.screenshot("fresh-eol-refused");
        assertThat(new ModulePage(browser, base).open("F46", "httpd:2.4").source())
                .contains("end of life since " + yesterday);
    }

    private static void signIn(String user, String password) {
        LoginPage login = new LoginPage(browser, base).open();
        browser.manage().deleteAllCookies();
        login.open().attempt(user, password);
        login.waitUntilSignedIn();
    }

    /** Reloads the update's page until it shows {@code status}; the pusher runs once a minute. */
    private static void awaitStatus(String alias, String status, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        UpdatePage page = new UpdatePage(browser, base);
        while (!status.equals(page.open(alias).status())) {
            if (Instant.now().isAfter(deadline)) {
                page.screenshot("failure-fresh-await-" + status);
                throw new AssertionError(alias + " did not reach " + status + " within " + within
                        + "; it is " + page.status());
            }
            Thread.sleep(2_000);
        }
    }

    private static String httpd(String version, String context) throws IOException {
        try (InputStream in = FreshDistributionIT.class.getResourceAsStream("/update/httpd-2.4-modulemd.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("4620261201090000", version)
                    .replace("3a1f0c7e", context);
        }
    }
}
