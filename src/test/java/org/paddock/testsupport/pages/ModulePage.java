package org.paddock.testsupport.pages;

import org.openqa.selenium.WebDriver;

import java.net.URL;

/** {@code module.xhtml?release=&module=}: one module stream, its owner and its cadence. */
public class ModulePage extends Page {

    public ModulePage(WebDriver browser, URL base) {
        super(browser, base);
    }

    public ModulePage open(String release, String nameStream) {
        go("module.xhtml?release=" + release + "&module=" + nameStream);
        return this;
    }

    public String owner() {
        return text("owner");
    }

    public CadenceSection cadence() {
        return new CadenceSection(browser, base);
    }
}
