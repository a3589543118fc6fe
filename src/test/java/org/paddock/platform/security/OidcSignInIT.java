package org.paddock.platform.security;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.paddock.testsupport.Browser;
import org.paddock.testsupport.LocalHttp;
import org.paddock.testsupport.PaddockProcess;
import org.paddock.testsupport.TestPaths;
import org.paddock.testsupport.pages.AccountPage;
import org.paddock.testsupport.pages.LoginPage;
import org.paddock.testsupport.pages.ProviderSignInPage;
import org.paddock.testsupport.pages.UsersPage;

import java.net.InetAddress;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with the distribution's OpenID Connect provider, against a real one: mock-oauth2-server runs in this JVM
 * with its interactive sign-in form, and Paddock runs as README command 1 does, with {@code PADDOCK_OIDC_*} pointing
 * at it and the demo data's groups. Headless Chromium follows "Sign in with …" to the provider and back.
 */
class OidcSignInIT {

    private static final String CLIENT_ID = "paddock";

    private static MockOAuth2Server provider;
    private static PaddockProcess paddock;
    private static WebDriver browser;
    private static int port;
    private static URL base;

    @BeforeAll
    static void startProviderPaddockAndBrowser() throws Exception {
        provider = new MockOAuth2Server(new OAuth2Config(true));
        provider.start(InetAddress.getLoopbackAddress(), LocalHttp.freePort());
        port = LocalHttp.freePort();
        base = new URL("http://localhost:" + port + "/");
        paddock = PaddockProcess.start(Map.of("PADDOCK_HTTP_PORT", String.valueOf(port),
                "PADDOCK_DATA_DIR", TestPaths.dir("oidc-data").toString(),
                "PADDOCK_PUSH_SCHEDULER", "false",
                "PADDOCK_BASE_URL", "http://localhost:" + port + "/",
                "PADDOCK_OIDC_ISSUER", provider.issuerUrl("distro").toString(),
                "PADDOCK_OIDC_CLIENT_ID", CLIENT_ID,
                "PADDOCK_OIDC_CLIENT_SECRET", "paddock-client-secret",
                "PADDOCK_OIDC_NAME", "Distro Accounts"), TestPaths.dir("oidc-run"));
        paddock.awaitReady();
        browser = Browser.start();
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (paddock != null) {
            try {
                paddock.interruptAndAwaitExit(); // as Ctrl-C: the launcher stops its embedded PostgreSQL too
            } finally {
                paddock.destroy(); // kill -9 left that PostgreSQL running after every run
            }
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    private static LoginPage freshSignInPage() {
        LoginPage login = new LoginPage(browser, base);
        login.open();
        browser.manage().deleteAllCookies();
        return login.open();
    }

    @Test
    void aPersonSignsInThroughTheProviderAndLandsAsAMaintainerOfTheMappedGroupWhichFollowsTheClaim() throws Exception {
        assertThat(paddock.output()).contains("Sign-in with the OpenID Connect provider " + provider.issuerUrl("distro")
                + " is offered as 'Distro Accounts'; groups come from the claim 'groups'");
        LoginPage login = freshSignInPage();
        assertThat(login.offersProvider()).isTrue();
        assertThat(login.providerLink()).isEqualTo("Sign in with Distro Accounts");
        login.signInWithProvider();
        ProviderSignInPage atProvider = new ProviderSignInPage(browser);
        Browser.screenshot(browser, "oidc-provider-sign-in");
        atProvider.signIn("carol", """
                {"preferred_username": "carol", "name": "Carol Packager", "email": "carol@example.org",
                 "groups": ["ruby-maintainers", "packagers"]}""");
        login.waitUntilSignedIn();
        assertThat(login.accountName()).isEqualTo("Carol Packager");

        AccountPage account = new AccountPage(browser, base).open();
        assertThat(account.summary()).contains("carol").contains("maintainer").contains("ruby-maintainers")
                .doesNotContain("packagers");
        account.screenshot("oidc-signed-in-account");
        assertThat(paddock.output()).contains("Created the account 'carol' at its first sign-in")
                .contains("Groups of 'carol' in the provider's claim that Paddock does not have, ignored: packagers");

        // the accounts system moved carol from ruby to nginx: at her next sign-in Paddock follows
        freshSignInPage().signInWithProvider();
        new ProviderSignInPage(browser).signIn("carol", """
                {"preferred_username": "carol", "name": "Carol Packager", "groups": ["nginx-maintainers"]}""");
        login.waitUntilSignedIn();
        assertThat(new AccountPage(browser, base).open().summary()).contains("nginx-maintainers")
                .doesNotContain("ruby-maintainers").contains("maintainer");

        // and out of every group: no longer a maintainer
        freshSignInPage().signInWithProvider();
        new ProviderSignInPage(browser).signIn("carol", "{\"preferred_username\": \"carol\", \"groups\": []}");
        login.waitUntilSignedIn();
        assertThat(new AccountPage(browser, base).open().summary()).doesNotContain("maintainer");

        // an admin disables her account: the provider's word no longer lets her in
        freshSignInPage().signInAs("admin");
        UsersPage users = new UsersPage(browser, base).open();
        assertThat(users.user("carol")).contains("signs in with the provider");
        assertThat(users.user("alice")).doesNotContain("provider");
        users.edit("carol").toggleActive().save();
        assertThat(users.changes()).contains("groups").contains("ruby-maintainers").contains("nginx-maintainers");
        freshSignInPage().signInWithProvider();
        new ProviderSignInPage(browser).signIn("carol", """
                {"preferred_username": "carol", "groups": ["ruby-maintainers"]}""");
        login.waitForText("Your Paddock account 'carol' is disabled: ask an admin");
        assertThat(login.signedIn()).isFalse();
    }

    @Test
    void localAccountsStillSignInWithTheirPasswordAndAreNotTakenOverByTheProvider() throws Exception {
        freshSignInPage();
        new LoginPage(browser, base).signInAs("alice");
        assertThat(new AccountPage(browser, base).open().summary()).contains("alice").contains("nginx-maintainers");

        LoginPage login = freshSignInPage();
        login.signInWithProvider();
        new ProviderSignInPage(browser).signIn("alice", "{\"preferred_username\": \"alice\"}");
        login.waitForText("Paddock has a local account 'alice' already");
        assertThat(login.signedIn()).isFalse();
    }

    @Test
    void aRefusalFromTheProviderIsASentenceOnTheSignInPage() throws Exception {
        LoginPage login = freshSignInPage();
        login.signInWithProvider();
        String state = new ProviderSignInPage(browser).state();
        // what the provider sends back when the person refuses, or their account may not use Paddock
        browser.get(base + "login/oidc/callback?error=access_denied&error_description=no&state=" + state);
        login.waitForText("The sign-in provider refused the sign-in (access denied)");
        assertThat(login.signedIn()).isFalse();
        login.screenshot("oidc-provider-refused");

        // an answer that belongs to no sign-in started here (a replay, or another site's forgery)
        browser.get(base + "login/oidc/callback?code=stolen&state=" + state);
        login.waitForText("This sign-in was not started here, or it expired: sign in again");
        assertThat(login.signedIn()).isFalse();

        HttpResponse<String> plain = LocalHttp.get(port, "/login/oidc/callback?error=access_denied&state=forged");
        assertThat(plain.statusCode()).as("a redirect to the sign-in page, never a server error").isEqualTo(302);
        assertThat(plain.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.xhtml"));
    }
}
