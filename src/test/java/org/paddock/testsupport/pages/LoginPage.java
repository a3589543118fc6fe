package org.paddock.testsupport.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;

/** {@code login.xhtml}: the sign-in form, its refusals, and the session-expired page a stale form lands on. */
public class LoginPage extends Page {

    public static final String DEMO_PASSWORD = "paddock-demo";

    public LoginPage(WebDriver browser, URL base) {
        super(browser, base);
    }

    public LoginPage open() {
        go("login.xhtml");
        return this;
    }

    /** The sign-in page that sends the person on to {@code next} after signing in. */
    public LoginPage openWithNext(String next) {
        go("login.xhtml?next=" + next);
        return this;
    }

    /**
     * Signs in afresh with the demo password: whoever an earlier test left signed in is forgotten first (tests run
     * in any order).
     */
    public void signInAs(String user) {
        go("login.xhtml");
        browser.manage().deleteAllCookies();
        open().attempt(user, DEMO_PASSWORD);
        waitFor(d -> !d.findElements(By.id("account-link")).isEmpty());
    }

    /** Fills in and sends the form on the page the browser shows. */
    public void attempt(String user, String password) {
        type("login-form:username", user);
        type("login-form:password", password);
        click("login-form:sign-in");
    }

    /** Whether the page offers sign-in with the distribution's OpenID Connect provider, and under which name. */
    public boolean offersProvider() {
        return has("sign-in-with-provider");
    }

    public String providerLink() {
        return text("sign-in-with-provider");
    }

    /** Follows "Sign in with …" to the provider's own sign-in page. */
    public void signInWithProvider() {
        click("sign-in-with-provider");
        waitFor(d -> !d.getCurrentUrl().startsWith(base.toString()));
    }

    /** The refusal above the form, without waiting (empty when there is none). */
    public String refusalNow() {
        return has("login-form:refusal") ? text("login-form:refusal") : "";
    }

    public void waitForWrongPassword() {
        waitForText("Wrong user name or password");
    }

    /** Waits for the refusal above the form (a lock) and answers it. */
    public String refusal() {
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#login-form\\:refusal .ui-messages-error")));
        return text("login-form:refusal");
    }

    public void waitUntilSignedIn() {
        waitFor(d -> !d.findElements(By.id("account-link")).isEmpty());
    }

    /** What a stale tab or another site's copy of a form would send: a view state this session never gave out. */
    public void madeUpViewState(String form) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0])"
                + ".elements['jakarta.faces.ViewState'].value = '4242424242:-4242424242';", form);
    }

    /** On the session-expired page: its reload link. */
    public void reloadAfterExpiry() {
        click("reload");
    }
}
