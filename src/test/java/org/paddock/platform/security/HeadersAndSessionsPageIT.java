package org.paddock.platform.security;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.paddock.testsupport.Browser;
import org.paddock.testsupport.PageTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headers and sessions in a browser: the Content-Security-Policy refuses a script that is not Paddock's; a form
 * posted with a view state the session never gave out lands on the "session expired" page without acting. The
 * user here is the demo CI account, which no other browser test signs in as.
 */
class HeadersAndSessionsPageIT extends PageTest {

    private static final String USER = "ci";

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
                .contains("Refused to execute inline script").contains("Content Security Policy");
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
}
