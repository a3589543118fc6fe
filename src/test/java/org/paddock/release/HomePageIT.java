package org.paddock.release;

import org.junit.jupiter.api.Test;
import org.paddock.testsupport.PageTest;
import org.paddock.testsupport.pages.FeedsPage;
import org.paddock.testsupport.pages.HomePage;
import org.paddock.testsupport.pages.ModulePage;
import org.paddock.testsupport.pages.ModulesPage;
import org.paddock.testsupport.pages.ReleasePage;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person sees in the browser: the home page, the navigation, the Modules page. */
class HomePageIT extends PageTest {

    @Test
    void homePageShowsTheReleasesAndModuleStreams() throws Exception {
        HomePage home = homePage();

        assertThat(home.title()).isEqualTo("Home · Paddock");
        assertThat(home.heading()).isEqualTo("Releases and module streams");
        assertThat(home.summary()).isEqualTo("1 release, 3 module streams");

        assertThat(home.releasePart("F45", "pd-release-name")).isEqualTo("F45");
        assertThat(home.releasePart("F45", "pd-release-long")).isEqualTo("Fedora 45");
        assertThat(home.releasePart("F45", "pd-state-current")).isEqualTo("current");
        assertThat(home.streamsOf("F45")).containsExactly(
                "nginx:1.24 A high performance web server and reverse proxy server",
                "postgresql:16 PostgreSQL server and client module",
                "ruby:3.3 An interpreter of object-oriented scripting language");

        assertThat(home.navLinks()).containsExactly("Updates", "Modules", "Policies", "Pushes", "Feeds");
        assertThat(home.footer()).startsWith("Paddock " + System.getProperty("paddock.version"));

        assertThat(Files.size(home.screenshot("home"))).isGreaterThan(10_000);
    }

    @Test
    void modulesPageListsEveryStreamAndFiltersByModule() {
        homePage().follow("nav-modules", "Modules · Paddock");
        ModulesPage modules = modulesPage();
        assertThat(modules.title()).isEqualTo("Modules · Paddock");
        assertThat(modules.navActive("nav-modules")).isTrue();
        assertThat(modules.rows()).containsExactly("nginx 1.24 F45 A high performance web server and reverse proxy server",
                "postgresql 16 F45 PostgreSQL server and client module",
                "ruby 3.3 F45 An interpreter of object-oriented scripting language");

        modules.filterModule("ngi", 1);
        assertThat(modules.rows()).containsExactly("nginx 1.24 F45 A high performance web server and reverse proxy server");
        modules.screenshot("modules");
    }

    @Test
    void theFeedsPageListsEveryFeedWithItsUrlAndACopyableSnippet() {
        homePage().follow("nav-feeds", "Feeds · Paddock");
        FeedsPage feeds = feedsPage();
        assertThat(feeds.title()).isEqualTo("Feeds · Paddock");
        assertThat(feeds.navActive("nav-feeds")).isTrue();
        assertThat(feeds.urls("F45", "stable"))
                .containsExactly(base + "feeds/F45/stable/updateinfo.xml", base + "feeds/F45/stable/modules.yaml");
        assertThat(feeds.snippet("F45", "stable"))
                .contains("modifyrepo_c --mdtype=updateinfo updateinfo.xml repodata/")
                .contains("dnf config-manager --add-repo");
        assertThat(feeds.hasFeed("F45", "testing")).isTrue();
        assertThat(feeds.otherFeedUrls()).contains(base + "feeds/atom.xml", base + "feeds/atom.xml?security=true",
                base + "api/v1/advisories", base + "osv/all.zip");
        feeds.screenshot("feeds");
    }

    @Test
    void aReleaseAndAModuleStreamHaveTheirOwnPages() {
        ReleasePage release = homePage().openRelease("F45");
        assertThat(release.chartLabels("status"))
                .containsExactly("pending", "testing", "stable", "unpushed", "obsolete", "revoked");
        assertThat(release.chartLabels("severity")).hasSize(5);
        release.screenshot("release");
        ModulePage module = release.openStream("nginx:1.24");
        assertThat(module.owner()).isEqualTo("nginx-maintainers");
        module.screenshot("module-stream");
        assertThat(releasePage("F99").heading()).isEqualTo("Page not found");
    }

    @Test
    void unknownAddressShowsAFriendlyNotFoundPage() {
        HomePage page = homePage();
        browser.get(base + "no-such-page.xhtml");
        assertThat(page.heading()).isEqualTo("Page not found");
        assertThat(page.brand()).isEqualTo("Paddock");
    }

    /**
     * An admin makes a release on the home page, branched from F45: it opens with F45's streams, its advisory prefix
     * and a note; a name already taken is refused next to the field; the release page moves it on. Others see no form.
     */
    @Test
    void anAdminMakesAReleaseBranchedFromAnotherAndMovesItOn() throws Exception {
        String name = org.paddock.testsupport.TestReleases.name("BR");
        try {
            signIn("alice");
            assertThat(homePage().offersNewRelease()).as("a maintainer makes no release").isFalse();
            signIn("admin");
            HomePage home = homePage();
            home.makeRelease("F45", "again", "FEDORA", "current", null);
            home.waitForText("there is already a release 'F45'");
            home.screenshot("home-new-release-refused");
            home.makeRelease(name, "Branched " + name, "FEDORA-BR", "current", "F45");
            ReleasePage release = new ReleasePage(browser, base);
            release.waitForTitle(name + " · Paddock");
            assertThat(release.note()).contains("Release " + name + " made, branched from F45");
            assertThat(release.aliasPrefix()).isEqualTo("FEDORA-BR-YYYY-…");
            release.screenshot("release-branched");
            assertThat(release.openStream("nginx:1.24").owner()).isEqualTo("nginx-maintainers");
            release = releasePage(name);
            release.moveTo("frozen");
            release.waitForText(name + " saved: frozen");
            release.screenshot("release-admin-form");
            release.moveTo("pending");
            release.waitForText("never goes back to pending");
        } finally {
            org.paddock.testsupport.TestReleases.delete(name);
        }
    }
}
