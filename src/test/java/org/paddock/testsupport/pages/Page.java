package org.paddock.testsupport.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.paddock.testsupport.Browser;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * What every Paddock page has (the layout: navigation, account link, sign-out, footer, messages) and the few
 * helpers the page objects share. A page object knows its page's ids and selectors; tests speak in its words.
 */
public abstract class Page {

    protected final WebDriver browser;
    protected final URL base;

    protected Page(WebDriver browser, URL base) {
        this.browser = browser;
        this.base = base;
    }

    protected void go(String path) {
        browser.get(base + path);
    }

    // --- the layout ------------------------------------------------------------------------------------

    public String title() {
        return browser.getTitle();
    }

    /** The page's heading ({@code #page-title}). */
    public String heading() {
        return text("page-title");
    }

    /** Whether someone is signed in (the header shows their account link). */
    public boolean signedIn() {
        return has("account-link");
    }

    /** The signed-in person's name in the header. */
    public String accountName() {
        return text("account-link");
    }

    public void signOut() {
        browser.findElement(By.id("sign-out-form:sign-out")).click();
        waitFor(d -> !d.findElements(By.id("sign-in-link")).isEmpty());
    }

    public List<String> navLinks() {
        return browser.findElements(By.cssSelector("#nav a")).stream().map(WebElement::getText).toList();
    }

    /** Follows a navigation link ({@code nav-pushes}, {@code webhooks-link} …) and waits for the page titled so. */
    public void follow(String linkId, String titleStart) {
        browser.findElement(By.id(linkId)).click();
        waitFor(d -> d.getTitle().startsWith(titleStart));
    }

    /** Whether the header offers a link ({@code webhooks-link}, {@code users-link} are for admins only). */
    public boolean offersLink(String linkId) {
        return has(linkId);
    }

    public boolean navActive(String linkId) {
        return browser.findElement(By.id(linkId)).getAttribute("class").contains("pd-nav-active");
    }

    public String footer() {
        return text("footer");
    }

    public String brand() {
        return text("brand");
    }

    /** The whole page's HTML, for texts the page shows only as a message. */
    public String source() {
        return browser.getPageSource();
    }

    public void waitForTitle(String title) {
        waitFor(d -> d.getTitle().equals(title));
    }

    public void waitForText(String words) {
        waitFor(d -> d.getPageSource().contains(words));
    }

    public Path screenshot(String name) {
        return Browser.screenshot(browser, name);
    }

    /** A screenshot with the element {@code id} scrolled to the top of the window (a card below the fold). */
    public Path screenshotOf(String id, String name) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView(true);", id);
        return Browser.screenshot(browser, name);
    }

    // --- helpers for page objects ----------------------------------------------------------------------

    protected String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    protected boolean has(String id) {
        return !browser.findElements(By.id(id)).isEmpty();
    }

    protected WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    protected WebElement css(String selector) {
        return browser.findElement(By.cssSelector(selector));
    }

    protected void type(String id, String text) {
        byId(id).sendKeys(text);
    }

    protected void replace(String id, String text) {
        WebElement e = byId(id);
        e.clear();
        e.sendKeys(text);
    }

    protected void click(String id) {
        byId(id).click();
    }

    /** PrimeFaces menus wrap a hidden select; set it as a person's choice would. */
    protected void choose(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);",
                id, value);
    }

    /**
     * Clicks a button that posts its form without AJAX and waits until the page it answers with has replaced this
     * one and has loaded. While Chromium swaps documents, asking about the old page's element can fail with
     * "Node with given id does not belong to the document" instead of a stale element: both mean it is gone.
     */
    protected void post(String buttonId) {
        post(byId(buttonId));
    }

    /** {@link #post(String)} by the button itself (one of several alike in a table). */
    protected void post(WebElement button) {
        WebElement page = browser.findElement(By.tagName("html"));
        button.click();
        waitFor(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        waitFor(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** The message the page shows next to the input {@code inputId} (inside its {@code pd:field}), or "". */
    protected String fieldMessage(String inputId) {
        return browser.findElements(By.xpath("//div[contains(@class,'pd-field')][.//*[@id='" + inputId + "']]"
                        + "//*[contains(@class,'ui-message')]")).stream().map(WebElement::getText)
                .reduce("", (a, b) -> a + b).strip();
    }

    protected <T> void waitFor(Function<WebDriver, T> condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
        } catch (RuntimeException e) {
            Browser.screenshot(browser, "failure-" + getClass().getSimpleName());
            throw e;
        }
    }
}
