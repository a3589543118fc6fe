package org.paddock.testsupport.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;

/** {@code feeds.xhtml}: every feed with its URL and a snippet to copy. */
public class FeedsPage extends Page {

    public FeedsPage(WebDriver browser, URL base) {
        super(browser, base);
    }

    public FeedsPage open() {
        go("feeds.xhtml");
        return this;
    }

    private WebElement feed(String release, String channel) {
        return css(".pd-feed[data-release='" + release + "'][data-channel='" + channel + "']");
    }

    public boolean hasFeed(String release, String channel) {
        return !browser.findElements(By.cssSelector(".pd-feed[data-release='" + release + "'][data-channel='"
                + channel + "']")).isEmpty();
    }

    public List<String> urls(String release, String channel) {
        return feed(release, channel).findElements(By.className("pd-feed-url")).stream().map(WebElement::getText).toList();
    }

    public String snippet(String release, String channel) {
        return feed(release, channel).findElement(By.className("pd-snippet-text")).getText();
    }

    public List<String> otherFeedUrls() {
        return browser.findElements(By.cssSelector("#other-feeds .pd-feed-url")).stream().map(WebElement::getText).toList();
    }
}
