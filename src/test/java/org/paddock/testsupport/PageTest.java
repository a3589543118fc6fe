package org.paddock.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser tests ({@code *PageIT}): the real WAR deployed by Arquillian ({@link DeployedApi}), one
 * headless Chromium per class, and the few helpers every page test needs. A wait that times out saves a screenshot.
 */
public abstract class PageTest extends DeployedApi {

    protected static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /** Every page a test visited ran under Paddock's Content-Security-Policy without the browser refusing anything. */
    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(Browser.cspViolations(browser)).as("CSP violations in the browser console").isEmpty();
    }

    protected String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
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
