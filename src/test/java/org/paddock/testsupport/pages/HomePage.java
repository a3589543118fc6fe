package org.paddock.testsupport.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;

/** The home page: every release and its module streams. */
public class HomePage extends Page {

    public HomePage(WebDriver browser, URL base) {
        super(browser, base);
    }

    public HomePage open() {
        browser.get(base.toString());
        return this;
    }

    /** "1 release, 3 module streams" */
    public String summary() {
        return text("summary");
    }

    /** A release's card: name, long name and state by their classes. */
    public WebElement release(String name) {
        return byId("release-" + name);
    }

    public String releasePart(String name, String cssClass) {
        return release(name).findElement(By.className(cssClass)).getText();
    }

    /** A release card's module streams, one line each. */
    public List<String> streamsOf(String name) {
        return release(name).findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText).toList();
    }

    public ReleasePage openRelease(String name) {
        browser.findElement(By.linkText(name)).click();
        waitFor(d -> d.getTitle().equals(name + " · Paddock"));
        return new ReleasePage(browser, base);
    }

    /** Whether the "New release" form is offered (admins only). */
    public boolean offersNewRelease() {
        return has("new-release");
    }

    /** Fills the "New release" form ({@code branchFrom} null: a release of its own) and makes it. */
    public void makeRelease(String name, String longName, String prefix, String state, String branchFrom) {
        replace("release-form:name", name);
        replace("release-form:longName", longName);
        replace("release-form:aliasPrefix", prefix);
        choose("release-form:state", state);
        if (branchFrom != null) {
            choose("release-form:branchFrom", branchFrom);
        }
        post("release-form:create");
    }

    /** The message next to a field of the "New release" form. */
    public String newReleaseMessage() {
        return byId("new-release").findElements(By.className("ui-message-error")).stream().map(WebElement::getText)
                .reduce("", (a, b) -> a + b + "\n").strip();
    }
}
