package org.paddock.testsupport.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;

/** {@code policies.xhtml}: every policy, the editor with its preview, and one policy's versions. */
public class PolicyEditorPage extends Page {

    public PolicyEditorPage(WebDriver browser, URL base) {
        super(browser, base);
    }

    public PolicyEditorPage open() {
        go("policies.xhtml");
        return this;
    }

    /** The editor starting from a saved policy ({@code ?edit=}). */
    public PolicyEditorPage openToEdit(String id) {
        go("policies.xhtml?edit=" + id);
        return this;
    }

    /** One policy's versions ({@code ?history=}). */
    public PolicyEditorPage openHistory(String id) {
        go("policies.xhtml?history=" + id);
        return this;
    }

    public String yaml() {
        return byId("policy-form:yaml").getAttribute("value");
    }

    /** Replaces what the editor holds. */
    public PolicyEditorPage write(String yaml) {
        replace("policy-form:yaml", yaml);
        return this;
    }

    /** Types at the end of what the editor holds. */
    public PolicyEditorPage append(String yaml) {
        type("policy-form:yaml", yaml);
        return this;
    }

    public PolicyEditorPage reason(String why) {
        type("policy-form:reason", why);
        return this;
    }

    /** Previews a draft the page cannot read and waits for the complaint that names {@code words}. */
    public PolicyEditorPage previewRefused(String words) {
        click("policy-form:preview");
        waitForText(words);
        return this;
    }

    /** Previews and waits for the table of updates whose decision the draft would change. */
    public PolicyEditorPage preview() {
        click("policy-form:preview");
        waitFor(d -> !d.findElements(By.id("preview-table")).isEmpty());
        return this;
    }

    /** The preview's row for one update. */
    public String change(String alias) {
        return css("tr.pd-change[data-alias='" + alias + "']").getText();
    }

    /** Saves and waits for the "Saved: …" note; answers it. */
    public String save() {
        click("policy-form:save");
        waitFor(d -> !d.findElements(By.id("saved")).isEmpty());
        return text("saved");
    }

    /** A policy's row in the list. */
    public String policy(String id) {
        return css("tr.pd-policy[data-id='" + id + "']").getText();
    }

    /** On the history view: each version's text, newest first. */
    public List<String> versions() {
        return browser.findElements(By.cssSelector("#history .pd-version")).stream().map(WebElement::getText).toList();
    }
}
