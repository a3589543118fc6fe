package org.paddock.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;
import org.paddock.testsupport.pages.FeedsPage;
import org.paddock.testsupport.pages.HomePage;
import org.paddock.testsupport.pages.LoginPage;
import org.paddock.testsupport.pages.ModulePage;
import org.paddock.testsupport.pages.ModulesPage;
import org.paddock.testsupport.pages.PolicyEditorPage;
import org.paddock.testsupport.pages.PushesPage;
import org.paddock.testsupport.pages.ReleasePage;
import org.paddock.testsupport.pages.UpdateFormPage;
import org.paddock.testsupport.pages.UpdatePage;
import org.paddock.testsupport.pages.UpdatesListPage;
import org.paddock.testsupport.pages.WebhooksPage;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser tests ({@code *PageIT}): the real WAR deployed by Arquillian ({@link DeployedApi}), one headless Chromium
 * per class, and the page objects ({@code testsupport.pages}) tests speak through. A wait that times out saves a
 * screenshot.
 */
public abstract class PageTest extends DeployedApi {

    protected static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /** Every page a test visited ran under Paddock's Content-Security-Policy without the browser refusing anything. */
    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(Browser.cspViolations(browser)).as("CSP violations in the browser console").isEmpty();
    }

    // --- the pages, as page objects (testsupport.pages) ----------------------------------------------------

    protected LoginPage loginPage() {
        return new LoginPage(browser, base);
    }

    /** Signs in afresh as a demo user (whoever was signed in before is forgotten). */
    protected void signIn(String user) {
        loginPage().signInAs(user);
    }

    protected HomePage homePage() {
        return new HomePage(browser, base).open();
    }

    protected UpdatesListPage updatesList() {
        return new UpdatesListPage(browser, base);
    }

    protected UpdatePage updatePage(String alias) {
        return new UpdatePage(browser, base).open(alias);
    }

    protected UpdateFormPage updateForm() {
        return new UpdateFormPage(browser, base);
    }

    protected PolicyEditorPage policies() {
        return new PolicyEditorPage(browser, base);
    }

    protected ReleasePage releasePage(String release) {
        return new ReleasePage(browser, base).open(release);
    }

    protected ModulePage modulePage(String release, String nameStream) {
        return new ModulePage(browser, base).open(release, nameStream);
    }

    protected PushesPage pushesPage() {
        return new PushesPage(browser, base);
    }

    protected WebhooksPage webhooksPage() {
        return new WebhooksPage(browser, base);
    }

    protected ModulesPage modulesPage() {
        return new ModulesPage(browser, base);
    }

    protected FeedsPage feedsPage() {
        return new FeedsPage(browser, base);
    }
}
