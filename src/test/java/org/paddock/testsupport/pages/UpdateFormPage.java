package org.paddock.testsupport.pages;

import org.openqa.selenium.WebDriver;

import java.net.URL;

/** {@code update-new.xhtml}: submitting an update, or editing one ({@code ?alias=}). */
public class UpdateFormPage extends Page {

    public UpdateFormPage(WebDriver browser, URL base) {
        super(browser, base);
    }

    public UpdateFormPage openToEdit(String alias) {
        go("update-new.xhtml?alias=" + alias);
        return this;
    }

    public UpdateFormPage modulemd(String yaml) {
        type("update-form:modulemd", yaml);
        return this;
    }

    public UpdateFormPage updateType(String word) {
        choose("update-form:type", word);
        return this;
    }

    public UpdateFormPage severity(String word) {
        choose("update-form:severity", word);
        return this;
    }

    public UpdateFormPage suggestion(String word) {
        choose("update-form:suggestion", word);
        return this;
    }

    /** Types at the end of the title. */
    public UpdateFormPage title(String words) {
        type("update-form:title", words);
        return this;
    }

    public UpdateFormPage notes(String markdown) {
        type("update-form:notes", markdown);
        return this;
    }

    /** Previews the notes and waits until the preview shows {@code expected}. */
    public UpdateFormPage previewNotesShowing(String expected) {
        click("update-form:preview");
        waitFor(d -> d.findElement(org.openqa.selenium.By.id("update-form:notes-preview")).getText().contains(expected));
        return this;
    }

    public UpdateFormPage references(String lines) {
        type("update-form:references", lines);
        return this;
    }

    /** Saves and waits for the update's page; answers it. */
    public UpdatePage submit() {
        click("update-form:save");
        waitFor(d -> d.getCurrentUrl().contains("update.xhtml?alias="));
        return new UpdatePage(browser, base);
    }

    /** Saves where a refusal is expected: waits for {@code words} on this page. */
    public UpdateFormPage saveRefused(String words) {
        click("update-form:save");
        waitForText(words);
        return this;
    }

    /** The message next to the modulemd field (a build refused: its stream's end of life, a bad document). */
    public String modulemdMessage() {
        return fieldMessage("update-form:modulemd");
    }

    public UpdateFormPage release(String name) {
        choose("update-form:release", name);
        return this;
    }

    /** Whether the form asks which group owns a new module stream (only of someone in several groups). */
    public boolean asksOwnerGroup() {
        return has("update-form:ownerGroup");
    }

    public UpdateFormPage ownerGroup(String group) {
        choose("update-form:ownerGroup", group);
        return this;
    }

    /** The message next to the owner-group choice. */
    public String ownerGroupMessage() {
        return fieldMessage("update-form:ownerGroup");
    }
}
