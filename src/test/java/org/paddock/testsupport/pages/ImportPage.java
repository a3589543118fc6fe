package org.paddock.testsupport.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.net.URL;
import java.util.List;

/** {@code import.xhtml} (admins): YAML pasted in, "Dry run" and "Import", and the plan they answer. */
public class ImportPage extends Page {

    public ImportPage(WebDriver browser, URL base) {
        super(browser, base);
    }

    public ImportPage open() {
        go("import.xhtml");
        return this;
    }

    /** An onboarding file, or with {@code release} a repository's modules.yaml into that release. */
    public ImportPage paste(String yaml, String release, String ownerGroup) {
        if (release != null) {
            choose("import-form:kind", "modules");
            replace("import-form:release", release);
            replace("import-form:ownerGroup", ownerGroup == null ? "" : ownerGroup);
        }
        replace("import-form:yaml", yaml);
        return this;
    }

    /** Presses "Dry run" and waits for the page that answers it. */
    public ImportPage dryRun() {
        return press("import-form:dry-run");
    }

    /** Presses "Import" and waits for the page that answers it. */
    public ImportPage importNow() {
        return press("import-form:import");
    }

    /** Presses a button that posts the form, and waits until the page after the post (and its redirect) has loaded. */
    private ImportPage press(String button) {
        // a mark on this page's window: gone once another page has replaced it (no stale element to ask the driver of)
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.pdBeforePost = true;");
        click(button);
        waitFor(d -> {
            try {
                return Boolean.TRUE.equals(js.executeScript(
                        "return window.pdBeforePost === undefined && document.readyState === 'complete';"));
            } catch (org.openqa.selenium.WebDriverException navigating) {
                return false; // asked while the next page replaced this one: ask again
            }
        });
        return this;
    }

    public boolean showsPlan() {
        return has("plan");
    }

    public String planSummary() {
        return text("plan-summary");
    }

    /** Each step of the plan as one line: what, which, to make / made / unchanged, details. */
    public List<String> steps() {
        return browser.findElements(By.cssSelector("#plan-table tbody tr")).stream()
                .map(tr -> tr.getText().strip().replaceAll("\\s+", " ")).toList();
    }

    /** What the text area holds (kept after a dry run, for the import). */
    public String yaml() {
        return byId("import-form:yaml").getAttribute("value");
    }

    /** The messages next to the text area. */
    public String yamlMessages() {
        return browser.findElements(By.cssSelector("[id='import-form:yaml'] ~ .ui-message, .pd-field .ui-message-error"))
                .stream().map(e -> e.getText().strip()).reduce("", (a, b) -> a + b);
    }
}
