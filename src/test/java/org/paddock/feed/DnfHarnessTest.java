package org.paddock.feed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddock.testsupport.Dnf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dnf harness itself, against a hand-written feed: the real dnf must find every advisory, filter them
 * as users do, show their dates and references, and show a module advisory only for an enabled stream.
 * Needs dnf, createrepo_c and rpm installed (.ci/run installs them); fails, never skips, without them.
 */
class DnfHarnessTest {

    private static final String SECURITY = "PADDOCK-2026-0001";
    private static final String MODULE_BUGFIX = "PADDOCK-2026-0002";
    private static final String ENHANCEMENT = "PADDOCK-2026-0003";

    private static final String UPDATEINFO = """
            <?xml version="1.0" encoding="UTF-8"?>
            <updates>
              <update from="updates@paddock.example" status="stable" type="security" version="2.0">
                <id>PADDOCK-2026-0001</id>
                <title>zlib security update</title>
                <issued date="2026-03-02 10:15:00"/>
                <updated date="2026-03-03 11:00:00"/>
                <severity>Important</severity>
                <release>F45</release>
                <description>Fixes a heap overflow in inflate().</description>
                <references>
                  <reference href="https://www.cve.org/CVERecord?id=CVE-2026-12345" id="CVE-2026-12345" type="cve" title="CVE-2026-12345"/>
                  <reference href="https://bugzilla.example.org/show_bug.cgi?id=2345678" id="2345678" type="bugzilla" title="zlib: heap overflow in inflate()"/>
                </references>
                <pkglist>
                  <collection short="F45">
                    <name>F45</name>
                    <package name="zlib" version="1.3.1" release="1.fc45" epoch="0" arch="x86_64" src="zlib-1.3.1-1.fc45.src.rpm">
                      <filename>zlib-1.3.1-1.fc45.x86_64.rpm</filename>
                    </package>
                  </collection>
                </pkglist>
              </update>
              <update from="updates@paddock.example" status="stable" type="bugfix" version="2.0">
                <id>PADDOCK-2026-0002</id>
                <title>nginx:1.24 bug fix update</title>
                <issued date="2026-03-04 08:00:00"/>
                <updated date="2026-03-04 08:30:00"/>
                <severity>None</severity>
                <release>F45</release>
                <description>Fixes a crash on reload.</description>
                <references/>
                <pkglist>
                  <collection short="F45">
                    <name>F45</name>
                    <module name="nginx" stream="1.24" version="4520260301000000" context="abc12345" arch="x86_64"/>
                    <package name="nginx" version="1.24.0" release="2.module_f45+2+abc12345" epoch="1" arch="x86_64" src="nginx-1.24.0-2.module_f45+2+abc12345.src.rpm">
                      <filename>nginx-1.24.0-2.module_f45+2+abc12345.x86_64.rpm</filename>
                    </package>
                  </collection>
                </pkglist>
              </update>
              <update from="updates@paddock.example" status="stable" type="enhancement" version="2.0">
                <id>PADDOCK-2026-0003</id>
                <title>htop enhancement update</title>
                <issued date="2026-03-05 09:30:00"/>
                <updated date="2026-03-05 09:30:00"/>
                <release>F45</release>
                <description>New upstream release.</description>
                <references/>
                <pkglist>
                  <collection short="F45">
                    <name>F45</name>
                    <package name="htop" version="3.3.0" release="1.fc45" epoch="0" arch="noarch" src="htop-3.3.0-1.fc45.src.rpm">
                      <filename>htop-3.3.0-1.fc45.noarch.rpm</filename>
                    </package>
                  </collection>
                </pkglist>
              </update>
            </updates>
            """;

    private static final String MODULES = """
            ---
            document: modulemd
            version: 2
            data:
              name: nginx
              stream: "1.24"
              version: 4520260301000000
              context: abc12345
              arch: x86_64
              summary: A high performance web server
              description: nginx, built as a module stream.
              license:
                module: [MIT]
              dependencies:
                - buildrequires:
                    platform: [f45]
                  requires:
                    platform: [f45]
              profiles:
                common:
                  rpms: [nginx]
              artifacts:
                rpms:
                  - nginx-1:1.24.0-2.module_f45+2+abc12345.x86_64
            ...
            """;

    private static final List<String> INSTALLED = List.of(
            "zlib-1.3-1.fc45.x86_64",
            "nginx-1:1.24.0-1.module_f45+1+abc12345.x86_64",
            "htop-3.2.2-1.fc45.noarch");

    private static Path updateinfo;
    private static Path modules;
    /** nginx:1.24 enabled. */
    private static Dnf enabled;
    /** No module stream enabled. */
    private static Dnf plain;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        updateinfo = Files.writeString(dir.resolve("updateinfo.xml"), UPDATEINFO);
        modules = Files.writeString(dir.resolve("modules.yaml"), MODULES);
        enabled = Dnf.setUp(dir.resolve("enabled"), updateinfo, modules, INSTALLED, List.of("nginx:1.24"));
        plain = Dnf.setUp(dir.resolve("plain"), updateinfo, modules, INSTALLED, List.of());
    }

    @Test
    void dnfReadsTheFeedWithoutProblems() throws Exception {
        assertThat(enabled.run("updateinfo", "list", "--all").exitCode()).isZero();
        assertThat(enabled.loadProblems()).isEmpty();
        assertThat(plain.loadProblems()).isEmpty();
    }

    @Test
    void listsEveryAdvisoryWithItsNewerPackage() throws Exception {
        assertThat(rows(enabled.run("updateinfo", "list"))).containsExactlyInAnyOrder(
                SECURITY + " Important/Sec. zlib-1.3.1-1.fc45.x86_64",
                MODULE_BUGFIX + " bugfix nginx-1:1.24.0-2.module_f45+2+abc12345.x86_64",
                ENHANCEMENT + " enhancement htop-3.3.0-1.fc45.noarch");
        assertThat(rows(enabled.run("updateinfo", "list", "--all")))
                .extracting(row -> row.split(" ")[0])
                .containsExactlyInAnyOrder(SECURITY, MODULE_BUGFIX, ENHANCEMENT);
    }

    @Test
    void showsTheModuleAdvisoryOnlyForAnEnabledStream() throws Exception {
        assertThat(rows(plain.run("updateinfo", "list", "--all")))
                .extracting(row -> row.split(" ")[0])
                .containsExactlyInAnyOrder(SECURITY, ENHANCEMENT);
        assertThat(plain.run("updateinfo", "info", MODULE_BUGFIX).out()).doesNotContain(MODULE_BUGFIX);
        assertThat(enabled.run("updateinfo", "info", MODULE_BUGFIX).out()).contains(MODULE_BUGFIX);
    }

    @Test
    void findsAdvisoriesByCveBugAndSeverity() throws Exception {
        assertThat(ids(enabled.run("updateinfo", "list", "--all", "--cve", "CVE-2026-12345"))).containsExactly(SECURITY);
        assertThat(ids(enabled.run("updateinfo", "list", "--all", "--bz", "2345678"))).containsExactly(SECURITY);
        assertThat(ids(enabled.run("updateinfo", "list", "--all", "--sec-severity", "Important")))
                .containsExactly(SECURITY);
        assertThat(ids(enabled.run("updateinfo", "list", "--all", "--sec-severity", "Critical"))).isEmpty();
        assertThat(ids(enabled.run("updateinfo", "list", "--all", "--bugfix"))).containsExactly(MODULE_BUGFIX);
        assertThat(ids(enabled.run("updateinfo", "list", "--all", "--enhancement"))).containsExactly(ENHANCEMENT);
    }

    @Test
    void infoShowsTitleSeverityReferencesAndTheUpdatedDate() throws Exception {
        Dnf.Result info = enabled.run("updateinfo", "info", SECURITY);

        assertThat(info.exitCode()).isZero();
        assertThat(fields(info)).contains(
                "zlib security update",
                "Update ID: " + SECURITY,
                "Type: security",
                "Updated: 2026-03-03 11:00:00",
                "Bugs: 2345678 - zlib: heap overflow in inflate()",
                "CVEs: CVE-2026-12345",
                "Description: Fixes a heap overflow in inflate().",
                "Severity: Important");
        assertThat(fields(enabled.run("updateinfo", "info", MODULE_BUGFIX)))
                .contains("nginx:1.24 bug fix update", "Type: bugfix", "Updated: 2026-03-04 08:30:00");
    }

    @Test
    void summaryCountsTheAdvisoriesByType() throws Exception {
        assertThat(fields(enabled.run("updateinfo", "summary"))).contains(
                "1 Security notice(s)", "1 Important Security notice(s)", "1 Bugfix notice(s)",
                "1 Enhancement notice(s)");
        assertThat(fields(plain.run("updateinfo", "summary")))
                .contains("1 Security notice(s)", "1 Enhancement notice(s)")
                .noneMatch(line -> line.contains("Bugfix"));
    }

    @Test
    void reportsWhatDnfSilentlyDropped(@TempDir Path dir) throws Exception {
        String truncated = UPDATEINFO.substring(0, UPDATEINFO.indexOf("</update>") + "</update>".length());
        Path brokenXml = Files.writeString(dir.resolve("truncated.xml"), truncated);
        Path brokenYaml = Files.writeString(dir.resolve("no-summary.yaml"),
                MODULES.replace("  summary: A high performance web server\n", ""));

        Dnf broken = Dnf.setUp(dir.resolve("root"), brokenXml, brokenYaml, INSTALLED, List.of());

        assertThat(ids(broken.run("updateinfo", "list", "--all"))).containsExactly(SECURITY);
        assertThat(broken.loadProblems())
                .anyMatch(p -> p.contains("repo_updateinfoxml"))
                .anyMatch(p -> p.contains("Module yaml error: Summary is missing"));
    }

    @Test
    void refusesToEnableAStreamThatNoModulesYamlOffers(@TempDir Path dir) {
        assertThatThrownBy(() -> Dnf.setUp(dir, updateinfo, modules, INSTALLED, List.of("nginx:1.26")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not enable module stream nginx:1.26");
    }

    /** {@code updateinfo list} rows as {@code ID TYPE NEVRA}, without the {@code i} of installed ones. */
    private static List<String> rows(Dnf.Result list) {
        assertThat(list.exitCode()).as("dnf exit status; stderr: %s", list.err()).isZero();
        return list.lines().stream()
                .map(line -> line.strip().replaceFirst("^i ", "").replaceAll("\\s+", " "))
                .toList();
    }

    private static List<String> ids(Dnf.Result list) {
        return rows(list).stream().map(row -> row.split(" ")[0]).toList();
    }

    /** Lines with single spaces, so {@code "  Update ID: X"} reads {@code "Update ID: X"}. */
    private static List<String> fields(Dnf.Result result) {
        assertThat(result.exitCode()).as("dnf exit status; stderr: %s", result.err()).isZero();
        return result.lines().stream().map(line -> line.strip().replaceAll("\\s+", " ")).toList();
    }
}
