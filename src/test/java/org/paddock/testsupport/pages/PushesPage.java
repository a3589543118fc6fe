package org.paddock.testsupport.pages;

import org.openqa.selenium.WebDriver;

import java.net.URL;

/** {@code pushes.xhtml}: the newest pushes and one push's moves. */
public class PushesPage extends Page {

    public PushesPage(WebDriver browser, URL base) {
        super(browser, base);
    }

    /** The newest push's row. */
    public String newestPush() {
        return css("#pushes tr.pd-push").getText();
    }

    /** The shown push's move of one update: "testing → stable window …". */
    public String moveOf(String alias) {
        return css("#push-items tr.pd-push-item[data-alias='" + alias + "']").getText();
    }
}
