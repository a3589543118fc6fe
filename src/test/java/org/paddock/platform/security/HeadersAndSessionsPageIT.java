package org.paddock.platform.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.Browser;
import org.paddock.testsupport.PageTest;
import org.paddock.testsupport.TestDatabase;
import org.paddock.testsupport.pages.LoginPage;
import org.paddock.testsupport.pages.ModulesPage;

import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headers and sessions in a browser: the Content-Security-Policy refuses a script that is not Paddock's; repeated
 * wrong passwords lock the user (even the right password is refused until the lock ends); a form posted with a
 * view state the session never gave out lands on the "session expired" page without acting. The user here is the
 * demo CI account, which no other browser test signs in as.
 */
class HeadersAndSessionsPageIT extends PageTest {

    private static final String USER = "ci";

    @AfterEach
    void forgetFailedSignIns() throws SQLException {
        sql("delete from sign_in_counter where kind = 'address' or (kind = 'user' and subject = '" + USER + "')");
    }

    /** What an injected script would meet: refused, and the console check every page test makes sees it. */
    @Test
    void anInlineScriptWithoutThePagesNonceIsRefused() {
        feedsPage().open();
        Object ran = ((JavascriptExecutor) browser).executeScript("""
                const s = document.createElement('script');
                s.textContent = 'window.injected = true;';
                document.body.appendChild(s);
                return window.injected === true;""");
        assertThat(ran).isEqualTo(false);
        assertThat(Browser.cspViolations(browser)).singleElement().asString()
                .contains("inline script").contains("Content Security Policy");
    }

    @Test
    void fiveWrongPasswordsLockTheUserAndEvenTheRightOneIsRefusedUntilTheLockEnds() throws SQLException {
        browser.manage().deleteAllCookies();
        LoginPage login = loginPage();
        for (int i = 1; i <= 4; i++) {
            login.open().attempt(USER, "not-the-password-" + i);
            login.waitForWrongPassword();
        }
        login.open().attempt(USER, "not-the-password-5");
        assertThat(login.refusal())
                .matches("Too many failed sign-ins for ci\\. Try again in 5 minutes \\(at \\d\\d:\\d\\d UTC\\)\\.");
        login.screenshot("sign-in-throttled");

        login.open().attempt(USER, LoginPage.DEMO_PASSWORD);
        assertThat(login.refusal()).startsWith("Too many failed sign-ins for ci.");
        assertThat(login.signedIn()).isFalse();
        assertThat(ApiTokens.count("select count(*) from sign_in_counter where kind = 'user' and subject = 'ci' "
                + "and locks = 1 and locked_until > now()")).isEqualTo(1);

        // the lock ends, as five minutes passing would end it
        sql("update sign_in_counter set locked_until = now() - interval '1 second' where kind = 'user' and subject = 'ci'");
        login.open().attempt(USER, LoginPage.DEMO_PASSWORD);
        login.waitUntilSignedIn();
        assertThat(ApiTokens.count("select count(*) from sign_in_counter where kind = 'user' and subject = 'ci'"))
                .as("a successful sign-in forgets the user's failures").isZero();
        login.signOut();
    }

    @Test
    void aFormPostedWithAMadeUpViewStateSaysTheSessionExpiredAndDoesNotAct() {
        browser.manage().deleteAllCookies();
        LoginPage login = loginPage().openWithNext("/modules.xhtml");
        login.madeUpViewState("login-form");
        login.attempt(USER, LoginPage.DEMO_PASSWORD);
        login.waitForTitle("Session expired · Paddock");
        assertThat(login.heading()).isEqualTo("Your session expired — reload the page");
        assertThat(login.signedIn()).as("not signed in").isFalse();
        login.screenshot("session-expired");

        login.reloadAfterExpiry();
        login.waitForTitle("Sign in · Paddock");
    }

    /** Without PADDOCK_OIDC_* (as this deployment runs) there is only the password form, and no provider path. */
    @Test
    void withoutAProviderTheSignInPageOffersOnlyPasswords() throws Exception {
        assertThat(loginPage().open().offersProvider()).isFalse();
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) new URL(base, "login/oidc").openConnection();
        c.setInstanceFollowRedirects(false);
        assertThat(c.getResponseCode()).isEqualTo(404);
    }

    @Test
    void anAjaxPostWithAMadeUpViewStateIsSentToTheSessionExpiredPage() {
        ModulesPage modules = modulesPage().open();
        loginPage().madeUpViewState(modules.tableForm());
        modules.filterModule("ngi");
        modules.waitForTitle("Session expired · Paddock");
        loginPage().reloadAfterExpiry();
        modules.waitForTitle("Modules · Paddock");
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
