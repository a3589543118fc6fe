package org.paddock.testsupport.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;

/**
 * {@code update.xhtml?alias=}: the header (status, request, gating, next move, hold), the actions a maintainer
 * has, and the tabs: Builds &amp; packages, Tests (gating and waiving), Comments.
 */
public class UpdatePage extends Page {

    public UpdatePage(WebDriver browser, URL base) {
        super(browser, base);
    }

    public UpdatePage open(String alias) {
        go("update.xhtml?alias=" + alias);
        return this;
    }

    /** The page's heading: the update's alias. */
    public String alias() {
        return heading();
    }

    public String updateTitle() {
        return text("update-title");
    }

    public String status() {
        return text("status");
    }

    /** "→ testing" */
    public String request() {
        return text("request");
    }

    public String updateType() {
        return text("type");
    }

    public String severity() {
        return text("severity");
    }

    public String karma() {
        return text("karma");
    }

    /** Whether the notes' text ever reached the page as a script. */
    public boolean anyScriptContains(String code) {
        return browser.findElements(By.tagName("script")).stream()
                .anyMatch(s -> s.getAttribute("innerHTML").contains(code));
    }

    public UpdatePage tab(String title) {
        browser.findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='" + title + "']")).click();
        return this;
    }

    // --- the maintainer's actions ----------------------------------------------------------------------

    /** Whether the actions (requests, edit) are offered: only to those who maintain the update. */
    public boolean offersActions() {
        return has("actions-form");
    }

    /** Asks for stable and waits for the answer shown under the actions. */
    public String requestStableRefused() {
        click("actions-form:request-stable");
        waitFor(d -> d.findElements(By.cssSelector("#actions-form\\:actions li")).size() > 0);
        return text("actions-form:actions");
    }

    // --- holding and the next move ---------------------------------------------------------------------

    public boolean offersHold() {
        return has("move-form:hold");
    }

    public UpdatePage hold(String reason) {
        type("move-form:move-reason", reason);
        click("move-form:hold");
        waitFor(d -> !d.findElements(By.id("held")).isEmpty());
        return this;
    }

    public UpdatePage liftHold() {
        click("move-form:release-hold");
        waitFor(d -> d.findElements(By.id("held")).isEmpty());
        return this;
    }

    public boolean isHeld() {
        return has("held");
    }

    /** "held: mirror outage" */
    public String held() {
        return text("held");
    }

    /** The next move in a few words: "to stable: eligible in …". */
    public String nextMove() {
        return text("move-text");
    }

    public String nextMoveEarliest() {
        return text("move-earliest");
    }

    // --- gating ----------------------------------------------------------------------------------------

    /** The header's gating badge: "failed: ci.tier0", "passed (waived)". */
    public String gating() {
        return text("gating-status");
    }

    public String gatingLog() {
        return byId("gating-log").getAttribute("href");
    }

    /** On the Tests tab: the decision at one gate ({@code push_testing}, {@code push_stable}). */
    public String gate(String context) {
        return text("gate-status-" + context);
    }

    /** On the Tests tab: one requirement's row at a gate. */
    public Requirement requirement(String context, String testcase) {
        return new Requirement(css("#gate-" + context + " tr.pd-requirement[data-testcase='" + testcase + "']"));
    }

    /** A requirement row of the Tests tab. */
    public final class Requirement {
        private final WebElement row;

        Requirement(WebElement row) {
            this.row = row;
        }

        public String text() {
            return row.getText();
        }

        public String type() {
            return row.getAttribute("data-type");
        }

        public String log() {
            return row.findElement(By.className("pd-log-link")).getAttribute("href");
        }

        public boolean offersWaive() {
            return !row.findElements(By.className("pd-waive-button")).isEmpty();
        }

        /** Waives it with a reason and waits for the update's page again. */
        public void waive(String reason) {
            row.findElement(By.className("pd-waive-comment")).sendKeys(reason);
            post(row.findElement(By.className("pd-waive-button")));
        }
    }

    // --- builds and comments ---------------------------------------------------------------------------

    /** On the Builds &amp; packages tab: the references a contained package fixes, as shown. */
    public String fixesOf(String packageName) {
        return css("tr.pd-package[data-name='" + packageName + "']").findElement(By.className("pd-fixes")).getText();
    }

    /** On the Comments tab: comments with a vote ({@code +1 works}, {@code 0}, {@code −1 broken}). */
    public UpdatePage comment(String text, String vote) {
        type("tabs:comment-form:comment-text", text);
        browser.findElement(By.xpath("//div[@id='tabs:comment-form:comment-karma']//*[contains(text(),'" + vote + "')]"))
                .click();
        click("tabs:comment-form:add-comment");
        waitForText(text);
        return this;
    }

    public List<String> comments() {
        return browser.findElements(By.className("pd-comment")).stream().map(WebElement::getText).toList();
    }
}
