package org.paddock.testsupport.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URL;

/** {@code webhooks.xhtml} (admins): the webhooks, a form to add one, and one webhook's deliveries. */
public class WebhooksPage extends Page {

    public WebhooksPage(WebDriver browser, URL base) {
        super(browser, base);
    }

    public WebhooksPage open() {
        go("webhooks.xhtml");
        return this;
    }

    /** Fills in the form: a URL, a secret (null: left as it is, "" : cleared) and the events to tick. */
    public WebhooksPage fill(String url, String secret, String... events) {
        replace("webhook-form:url", url);
        if (secret != null) {
            replace("webhook-form:secret", secret);
        }
        for (String event : events) {
            browser.findElement(By.xpath("//label[normalize-space()='" + event + "']")).click();
        }
        return this;
    }

    /** Adds the webhook and waits for {@code words} on the page. */
    public WebhooksPage add(String words) {
        click("webhook-form:add");
        waitForText(words);
        return this;
    }

    /** Adds the webhook and waits for its secret, shown once. */
    public WebhooksPage addAccepted() {
        click("webhook-form:add");
        waitFor(d -> !d.findElements(By.id("made-secret")).isEmpty());
        return this;
    }

    public String formText() {
        return text("webhook-form");
    }

    public boolean showsSecret() {
        return has("made-secret");
    }

    public String secretNote() {
        return text("made-secret");
    }

    /** The row of the webhook to {@code url}. */
    public WebElement webhook(String url) {
        return browser.findElement(By.xpath("//tr[contains(@class,'pd-webhook')][.//code[text()='" + url + "']]"));
    }

    public String deliveries() {
        return text("deliveries");
    }

    public WebhooksPage reload() {
        browser.navigate().refresh();
        return this;
    }
}
