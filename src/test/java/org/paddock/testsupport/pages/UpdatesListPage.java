package org.paddock.testsupport.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.net.URL;

/** {@code updates.xhtml}: the list of updates with its filters. */
public class UpdatesListPage extends Page {

    public UpdatesListPage(WebDriver browser, URL base) {
        super(browser, base);
    }

    public UpdatesListPage open() {
        go("updates.xhtml");
        return this;
    }

    /** The list as a URL's query asks for it, e.g. {@code gating=failed&q=PADDOCK-…}. */
    public UpdatesListPage open(String query) {
        go("updates.xhtml?" + query);
        return this;
    }

    public UpdateFormPage newUpdate() {
        click("new-update");
        waitFor(d -> d.getTitle().startsWith("New update"));
        return new UpdateFormPage(browser, base);
    }

    public UpdatesListPage filterByCve(String cve) {
        type("filter-cve", cve);
        click("apply-filters");
        waitFor(d -> d.getCurrentUrl().contains("cve=" + cve));
        return this;
    }

    /** "1 update", "3 updates". */
    public String resultCount() {
        return text("result-count");
    }

    public String rowsText() {
        return css("#updates-table tbody").getText();
    }

    public UpdatePage openUpdate(String alias) {
        browser.findElement(By.linkText(alias)).click();
        waitFor(d -> d.getTitle().startsWith(alias));
        return new UpdatePage(browser, base);
    }
}
