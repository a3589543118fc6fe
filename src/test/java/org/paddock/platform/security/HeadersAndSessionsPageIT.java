package org.paddock.platform.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.Browser;
import org.paddock.testsupport.PageTest;
import org.paddock.testsupport.TestDatabase;

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
        browser.get(base + "feeds.xhtml");
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
        for (int i = 1; i <= 4; i++) {
            signIn(USER, "not-the-password-" + i);
            waitFor(d -> d.getPageSource().contains("Wrong user name or password"));
        }
        signIn(USER, "not-the-password-5");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#login-form\\:refusal .ui-messages-error")));
        assertThat(text("login-form:refusal"))
                .matches("Too many failed sign-ins for ci\\. Try again in 5 minutes \\(at \\d\\d:\\d\\d UTC\\)\\.");
        Browser.screenshot(browser, "sign-in-throttled");

        signIn(USER, "paddock-demo");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#login-form\\:refusal .ui-messages-error")));
        assertThat(text("login-form:refusal")).startsWith("Too many failed sign-ins for ci.");
        assertThat(browser.findElements(By.id("account-link"))).isEmpty();
        assertThat(ApiTokens.count("select count(*) from sign_in_counter where kind = 'user' and subject = 'ci' "
                + "and locks = 1 and locked_until > now()")).isEqualTo(1);

        // the lock ends, as five minutes passing would end it
        sql("update sign_in_counter set locked_until = now() - interval '1 second' where kind = 'user' and subject = 'ci'");
        signIn(USER, "paddock-demo");
        waitFor(d -> !d.findElements(By.id("account-link")).isEmpty());
        assertThat(ApiTokens.count("select count(*) from sign_in_counter where kind = 'user' and subject = 'ci'"))
                .as("a successful sign-in forgets the user's failures").isZero();
        browser.findElement(By.id("sign-out-form:sign-out")).click();
        waitFor(d -> !d.findElements(By.id("sign-in-link")).isEmpty());
    }

    @Test
    void aFormPostedWithAMadeUpViewStateSaysTheSessionExpiredAndDoesNotAct() {
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml?next=/modules.xhtml");
        madeUpViewState("login-form");
        attempt(USER, "paddock-demo");
        waitFor(ExpectedConditions.titleIs("Session expired · Paddock"));
        assertThat(text("page-title")).isEqualTo("Your session expired — reload the page");
        assertThat(browser.findElements(By.id("account-link"))).as("not signed in").isEmpty();
        Browser.screenshot(browser, "session-expired");

        browser.findElement(By.id("reload")).click();
        waitFor(ExpectedConditions.titleIs("Sign in · Paddock"));
    }

    @Test
    void anAjaxPostWithAMadeUpViewStateIsSentToTheSessionExpiredPage() {
        browser.get(base + "modules.xhtml");
        String form = browser.findElement(By.cssSelector("[id$='modules-table']")).findElement(By.xpath("ancestor::form"))
                .getAttribute("id");
        madeUpViewState(form);
        browser.findElement(By.cssSelector("[id$='col-module'] input")).sendKeys("ngi");
        waitFor(ExpectedConditions.titleIs("Session expired · Paddock"));
        browser.findElement(By.id("reload")).click();
        waitFor(ExpectedConditions.titleIs("Modules · Paddock"));
    }

    private void signIn(String user, String password) {
        browser.get(base + "login.xhtml");
        attempt(user, password);
    }

    /** Fills in and sends the login form on the page the browser shows. */
    private static void attempt(String user, String password) {
        browser.findElement(By.id("login-form:username")).sendKeys(user);
        browser.findElement(By.id("login-form:password")).sendKeys(password);
        browser.findElement(By.id("login-form:sign-in")).click();
    }

    /** What a stale tab or another site's copy of the form would send: a view state this session never gave out. */
    private static void madeUpViewState(String form) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0])"
                + ".elements['jakarta.faces.ViewState'].value = '4242424242:-4242424242';", form);
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
