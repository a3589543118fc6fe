package org.paddock.testsupport.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;

/** {@code release.xhtml?release=}: the release's charts, its cadence and its freezes. */
public class ReleasePage extends Page {

    public ReleasePage(WebDriver browser, URL base) {
        super(browser, base);
    }

    public ReleasePage open(String release) {
        go("release.xhtml?release=" + release);
        return this;
    }

    public CadenceSection cadence() {
        return new CadenceSection(browser, base);
    }

    /** The labels of one chart's bars ({@code status}, {@code severity}, {@code type}). */
    public List<String> chartLabels(String chart) {
        return browser.findElements(By.cssSelector("#chart-" + chart + " .pd-bar-row")).stream()
                .map(e -> e.findElement(By.className("pd-bar-label")).getText()).toList();
    }

    public ModulePage openStream(String nameStream) {
        browser.findElement(By.linkText(nameStream)).click();
        waitFor(d -> d.getTitle().equals(nameStream + " · Paddock"));
        return new ModulePage(browser, base);
    }

    // --- freezes ---------------------------------------------------------------------------------------

    public String freezes() {
        return text("freezes");
    }

    public boolean mayFreeze() {
        return has("freeze-form");
    }

    public boolean offersEndFreeze() {
        return !browser.findElements(By.cssSelector(".pd-end-freeze")).isEmpty();
    }

    /** Fills in the freeze form (blank fields stay as they are) and sends it. */
    public ReleasePage freeze(String from, String until, String why) {
        if (from != null) {
            replace("freeze-form:start", from);
        }
        if (until != null) {
            replace("freeze-form:end", until);
        }
        if (why != null) {
            type("freeze-form:reason", why);
        }
        click("freeze-form:add");
        return this;
    }

    /** What the freeze form says (its refusals). */
    public String freezeFormText() {
        return text("freeze-form");
    }

    public void waitForFreezeSaved(String words) {
        waitFor(d -> !d.findElements(By.id("freeze-saved")).isEmpty()
                && d.findElement(By.id("freeze-saved")).getText().contains(words));
    }

    /** The first freeze in the list. */
    public WebElement firstFreeze() {
        return css("#freezes-list tr.pd-freeze");
    }

    public ReleasePage endFirstFreeze() {
        firstFreeze().findElement(By.cssSelector(".pd-end-freeze")).click();
        waitForFreezeSaved("Freeze ended");
        return this;
    }

    /** "FEDORA-YYYY-…": how the release's advisory ids start. */
    public String aliasPrefix() {
        return text("alias-prefix");
    }

    /** The note left by the form that made or saved the release. */
    public String note() {
        return has("release-made") ? text("release-made") : has("release-saved") ? text("release-saved") : "";
    }

    /** Whether the admin form for the release is offered. */
    public boolean offersEdit() {
        return has("edit-release");
    }

    /** Moves the release to {@code state} with the admin form. */
    public void moveTo(String state) {
        choose("release-edit:state", state);
        post("release-edit:save");
    }

    // --- module streams --------------------------------------------------------------------------------

    /** The stream's line in the list: "httpd:2.4 Apache HTTP Server · httpd-maintainers · until 2027-05-31". */
    public String stream(String nameStream) {
        return css("li.pd-stream[data-stream='" + nameStream + "']").getText();
    }

    /** Whether the admin forms for module streams are offered. */
    public boolean offersStreamAdmin() {
        return has("stream-admin");
    }

    /** Changes a stream with the admin form; a null or empty field is left as it is ("none" clears the end of life). */
    public ReleasePage changeStream(String nameStream, String ownerGroup, String eol, String summary) {
        choose("stream-edit:target", nameStream);
        if (ownerGroup != null) {
            choose("stream-edit:ownerGroup", ownerGroup);
        }
        replace("stream-edit:eol", eol == null ? "" : eol);
        replace("stream-edit:summary", summary == null ? "" : summary);
        post("stream-edit:change");
        return this;
    }

    public ReleasePage retireStream(String nameStream) {
        choose("stream-edit:target", nameStream);
        post("stream-edit:retire");
        return this;
    }

    /** Makes a stream with the admin form. */
    public ReleasePage openStream(String name, String stream, String ownerGroup, String eol, String summary) {
        replace("stream-new:name", name);
        replace("stream-new:stream", stream);
        if (ownerGroup != null) {
            choose("stream-new:ownerGroup", ownerGroup);
        }
        replace("stream-new:eol", eol == null ? "" : eol);
        replace("stream-new:summary", summary == null ? "" : summary);
        post("stream-new:open");
        return this;
    }

    /** The note the stream forms left after saving, or "". */
    public String streamNote() {
        return has("stream-saved") ? text("stream-saved") : "";
    }

    /** The message next to a field of a stream form ({@code stream-new:eol}, {@code stream-edit:ownerGroup} …). */
    public String streamFieldMessage(String fieldId) {
        return fieldMessage(fieldId);
    }
}
