package org.paddock.testsupport.pages;

import org.openqa.selenium.WebDriver;

import java.net.URL;

/** {@code account.xhtml}: who the signed-in person is (name, roles, groups) and their API tokens. */
public class AccountPage extends Page {

    public AccountPage(WebDriver browser, URL base) {
        super(browser, base);
    }

    public AccountPage open() {
        go("account.xhtml");
        waitFor(d -> has("account-summary"));
        return this;
    }

    /** "carol · maintainer · ruby-maintainers" */
    public String summary() {
        return text("account-summary");
    }
}
