package org.paddock.testsupport.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/**
 * The sign-in form of the OpenID Connect provider the tests start (mock-oauth2-server with interactive login): the
 * person types who they are and the claims the provider puts into their tokens, as a JSON object.
 */
public class ProviderSignInPage {

    private final WebDriver browser;

    public ProviderSignInPage(WebDriver browser) {
        this.browser = browser;
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.name("username")).isEmpty());
    }

    /** The {@code state} Paddock sent the provider, from the address the browser shows. */
    public String state() {
        return browser.getCurrentUrl().replaceAll(".*[?&]state=([^&]+).*", "$1");
    }

    public void signIn(String subject, String claimsJson) {
        browser.findElement(By.name("username")).sendKeys(subject);
        browser.findElement(By.name("claims")).sendKeys(claimsJson);
        browser.findElement(By.cssSelector("input[type=submit]")).click();
    }
}
