package org.paddock.onboarding;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paddock.testsupport.ApiTokens;
import org.paddock.testsupport.PageTest;
import org.paddock.testsupport.TestBuilds;
import org.paddock.testsupport.TestReleases;
import org.paddock.testsupport.pages.ImportPage;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Import page as an admin uses it: a dry run shows the plan and stores nothing, the import stores it; only admins. */
class ImportPageIT extends PageTest {

    final List<String> releases = new ArrayList<>();

    @AfterEach
    void removeWhatWasMade() throws Exception {
        for (String r : releases) {
            TestReleases.delete(r);
        }
    }

    @Test
    void anAdminDryRunsThenImportsAFileAndAModulesYaml() {
        String r = TestReleases.name("PAGE");
        releases.add(r);
        signIn("admin");
        ImportPage page = new ImportPage(browser, base).open();
        assertThat(page.title()).startsWith("Import");
        assertThat(page.offersLink("import-link")).isTrue();
        String file = "releases:\n- name: " + r + "\n  longName: Imported " + r + "\n  state: current\n  aliasPrefix: PAGE\n"
                + "  streams:\n  - {name: httpd, stream: '2.4', ownerGroup: nginx-maintainers, eol: 2099-01-01}\n";

        page.paste(file, null, null).dryRun();
        assertThat(page.planSummary()).isEqualTo("Dry run: would make 2, would leave 0 as they are");
        assertThat(page.steps()).containsExactly("release " + r + " to make Imported " + r + ", current, advisories PAGE-…",
                "stream " + r + "/httpd:2.4 to make owned by nginx-maintainers, end of life 2099-01-01");
        assertThat(ApiTokens.count("select count(*) from release where name = '" + r + "'")).isZero();
        assertThat(page.yaml()).as("the text stays for the import").isEqualTo(file);

        page.importNow();
        assertThat(page.planSummary()).isEqualTo("Imported: made 2, left 0 as they are");
        assertThat(ApiTokens.count("select count(*) from release where name = '" + r + "'")).isOne();
        page.screenshot("import");

        // a repository's modules.yaml into the new release: nginx is owned by nginx-maintainers in F45
        long v = TestBuilds.freshVersion();
        page.open().paste(TestBuilds.nginxModulemd(v), r, null).importNow();
        assertThat(page.steps()).containsExactly("stream " + r + "/nginx:1.24 made owned by nginx-maintainers",
                "build " + TestBuilds.nginxNsvca(v) + " made 5 package(s)");

        // a refusal names its path into the file, next to the text
        page.open().paste("releases: [{name: " + r + ", state: frozen}]", null, null).importNow();
        assertThat(page.showsPlan()).isFalse();
        assertThat(page.yamlMessages()).contains("releases[0].state: is 'current' in Paddock, not 'frozen'");
    }

    @Test
    void onlyAdminsMayImport() {
        signIn("alice");
        ImportPage page = new ImportPage(browser, base).open();
        assertThat(page.heading()).isEqualTo("Not allowed");
        assertThat(page.offersLink("import-link")).isFalse();
    }
}
