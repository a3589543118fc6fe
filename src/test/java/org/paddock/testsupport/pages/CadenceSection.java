package org.paddock.testsupport.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URL;

/** The cadence card of a module stream page or a release page: what applies, and the editor for policy editors. */
public class CadenceSection extends Page {

    public CadenceSection(WebDriver browser, URL base) {
        super(browser, base);
    }

    /** "Updates go stable in windows: Tue 14:00 Europe/Prague · set for this module stream" */
    public String summary() {
        return text("cadence-summary");
    }

    public String nextWindow() {
        return text("next-window");
    }

    /** The days in testing shown for a severity. */
    public String daysFor(String severity) {
        return css("#cadence-days td[data-severity='" + severity + "']").getText();
    }

    /** The whole card's text (a refusal of a window line shows here). */
    public String cardText() {
        return text("cadence");
    }

    public boolean editable() {
        return has("cadence-form");
    }

    public CadenceSection inWindows() {
        css("input[name='cadence-form:mode'][value='windows']").click();
        return this;
    }

    public CadenceSection windows(String lines) {
        replace("cadence-form:windows", lines);
        return this;
    }

    public CadenceSection days(String severity, int days) {
        WebElement input = browser.findElement(By.cssSelector("input.pd-days-input[data-severity='" + severity + "']"));
        input.clear();
        input.sendKeys(String.valueOf(days));
        return this;
    }

    /** Saves and waits for the "saved" note. */
    public CadenceSection save() {
        click("cadence-form:save");
        waitFor(d -> !d.findElements(By.id("cadence-saved")).isEmpty());
        return this;
    }

    /** Saves what the page refuses and waits for {@code words} in the card. */
    public CadenceSection saveRefused(String words) {
        click("cadence-form:save");
        waitForText(words);
        return this;
    }
}
