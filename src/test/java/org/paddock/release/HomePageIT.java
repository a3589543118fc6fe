package org.paddock.release;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.paddock.testsupport.Browser;
import org.paddock.testsupport.PageTest;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person sees in the browser: the home page, the navigation, the Modules page. */
class HomePageIT extends PageTest {






    @Test
    void homePageShowsTheReleasesAndModuleStreams() throws Exception {
        browser.get(base.toString());

        assertThat(browser.getTitle()).isEqualTo("Home · Paddock");
        assertThat(text("page-title")).isEqualTo("Releases and module streams");
        assertThat(text("summary")).isEqualTo("1 release, 3 module streams");

        WebElement f45 = browser.findElement(By.id("release-F45"));
        assertThat(f45.findElement(By.className("pd-release-name")).getText()).isEqualTo("F45");
        assertThat(f45.findElement(By.className("pd-release-long")).getText()).isEqualTo("Fedora 45");
        assertThat(f45.findElement(By.className("pd-state-current")).getText()).isEqualTo("current");
        assertThat(f45.findElements(By.cssSelector("tbody tr"))).extracting(WebElement::getText)
                .containsExactly(
                        "nginx:1.24 A high performance web server and reverse proxy server",
                        "postgresql:16 PostgreSQL server and client module",
                        "ruby:3.3 An interpreter of object-oriented scripting language");

        assertThat(browser.findElements(By.cssSelector("#nav a"))).extracting(WebElement::getText)
                .containsExactly("Updates", "Modules", "Policies", "Pushes", "Feeds");
        assertThat(text("footer")).startsWith("Paddock " + System.getProperty("paddock.version"));

        assertThat(Files.size(Browser.screenshot(browser, "home"))).isGreaterThan(10_000);
    }

    @Test
    void modulesPageListsEveryStreamAndFiltersByModule() {
        browser.get(base.toString());
        browser.findElement(By.id("nav-modules")).click();
        waitFor(ExpectedConditions.titleIs("Modules · Paddock"));
        assertThat(browser.findElement(By.id("nav-modules")).getAttribute("class")).contains("pd-nav-active");
        assertThat(rows()).containsExactly("nginx 1.24 F45 A high performance web server and reverse proxy server",
                "postgresql 16 F45 PostgreSQL server and client module",
                "ruby 3.3 F45 An interpreter of object-oriented scripting language");

        WebElement filter = browser.findElement(By.cssSelector("[id$='col-module'] input"));
        filter.sendKeys("ngi");
        waitFor(d -> rows().size() == 1);
        assertThat(rows()).containsExactly("nginx 1.24 F45 A high performance web server and reverse proxy server");
        Browser.screenshot(browser, "modules");
    }

    @Test
    void theFeedsPageListsEveryFeedWithItsUrlAndACopyableSnippet() {
        browser.get(base.toString());
        browser.findElement(By.id("nav-feeds")).click();
        waitFor(ExpectedConditions.titleIs("Feeds · Paddock"));
        assertThat(browser.findElement(By.id("nav-feeds")).getAttribute("class")).contains("pd-nav-active");
        WebElement stable = browser.findElement(By.cssSelector(".pd-feed[data-release='F45'][data-channel='stable']"));
        assertThat(stable.findElements(By.className("pd-feed-url"))).extracting(WebElement::getText)
                .containsExactly(base + "feeds/F45/stable/updateinfo.xml", base + "feeds/F45/stable/modules.yaml");
        assertThat(stable.findElement(By.className("pd-snippet-text")).getText())
                .contains("modifyrepo_c --mdtype=updateinfo updateinfo.xml repodata/")
                .contains("dnf config-manager --add-repo");
        assertThat(browser.findElement(By.cssSelector(".pd-feed[data-release='F45'][data-channel='testing']"))).isNotNull();
        assertThat(browser.findElements(By.cssSelector("#other-feeds .pd-feed-url"))).extracting(WebElement::getText)
                .contains(base + "feeds/atom.xml", base + "feeds/atom.xml?security=true", base + "api/v1/advisories",
                        base + "osv/all.zip");
        Browser.screenshot(browser, "feeds");
    }

    @Test
    void aReleaseAndAModuleStreamHaveTheirOwnPages() {
        browser.get(base.toString());
        browser.findElement(By.linkText("F45")).click();
        waitFor(ExpectedConditions.titleIs("F45 · Paddock"));
        assertThat(browser.findElements(By.cssSelector("#chart-status .pd-bar-row")))
                .extracting(e -> e.findElement(By.className("pd-bar-label")).getText())
                .containsExactly("pending", "testing", "stable", "unpushed", "obsolete", "revoked");
        assertThat(browser.findElements(By.cssSelector("#chart-severity .pd-bar-row"))).hasSize(5);
        Browser.screenshot(browser, "release");
        browser.findElement(By.linkText("nginx:1.24")).click();
        waitFor(ExpectedConditions.titleIs("nginx:1.24 · Paddock"));
        assertThat(text("owner")).isEqualTo("nginx-maintainers");
        Browser.screenshot(browser, "module-stream");
        browser.get(base + "release.xhtml?release=F99");
        assertThat(text("page-title")).isEqualTo("Page not found");
    }

    @Test
    void unknownAddressShowsAFriendlyNotFoundPage() {
        browser.get(base + "no-such-page.xhtml");
        assertThat(text("page-title")).isEqualTo("Page not found");
        assertThat(browser.findElement(By.id("brand")).getText()).isEqualTo("Paddock");
    }


    private List<String> rows() {
        return browser.findElements(By.cssSelector("[id$='modules-table_data'] tr")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

}
