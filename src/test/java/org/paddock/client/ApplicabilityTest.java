package org.paddock.client;

import org.junit.jupiter.api.Test;
import org.paddock.artifact.Evr;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The matching rule where it goes beyond what dnf does: labels, cross-stream packages, gems, wheels and jars. */
class ApplicabilityTest {

    static final Advisory.Module PG16 = new Advisory.Module("postgresql", "16", "1", "16161616", "x86_64");
    static final Advisory.Module PG15 = new Advisory.Module("postgresql", "15", "1", "15151515", "x86_64");

    static Advisory advisory(String id, String severity, Advisory.Module module, Advisory.Fix... fixes) {
        return new Advisory(id, "security", severity, id, null, null, "https://paddock.example/" + id,
                List.of(new Advisory.Reference("cve", "CVE-" + id, "", null)),
                List.of(new Advisory.Collection(module, List.of(fixes))));
    }

    static Advisory.Fix rpm(String name, String evr) {
        return Advisory.Fix.rpm(name, Evr.parse(evr), "x86_64");
    }

    static Installed installed(String name, String evr, String label) {
        return Installed.rpm(name, Evr.parse(evr), "x86_64", label);
    }

    @Test
    void aStreamNamedByAnInstalledPackagesLabelIsActiveAndOnlyItsOwnPackagesCount() {
        List<Installed> host = List.of(installed("postgresql", "15.6-1", "postgresql:15:1:15151515"));
        ModuleStates states = new ModuleStates();
        host.forEach(p -> states.labelledBy(p.moduleStream()));
        Applicability rule = new Applicability(host, states, null, "x86_64");

        // postgresql 16.4 is newer than 15.6, but 16 is another stream: no false positive
        assertThat(rule.matches(List.of(advisory("A16", "Important", PG16, rpm("postgresql", "16.4-1"))))).isEmpty();
        assertThat(rule.matches(List.of(advisory("A15", "Important", PG15, rpm("postgresql", "15.8-1")))))
                .extracting(Applicability.Match::state).containsExactly(Applicability.State.AVAILABLE);
    }

    @Test
    void anEnabledStreamDoesNotTakeAPackageLabelledByAnotherStream() {
        List<Installed> host = List.of(installed("postgresql", "15.6-1", "postgresql:15:1:15151515"));
        ModuleStates states = new ModuleStates();
        states.enable("postgresql", "16");
        assertThat(new Applicability(host, states, null, null)
                .matches(List.of(advisory("A16", "Important", PG16, rpm("postgresql", "16.4-1"))))).isEmpty();
    }

    @Test
    void gemsWheelsAndJarsCompareByTheirEcosystemsOrder() {
        List<Installed> host = List.of(
                new Installed("gem", "rack", null, "3.1.7", null, null, "rubygem-rack"),
                new Installed("pypi", "urllib3", null, "2.2.0rc1", null, null, null),
                new Installed("maven", "org.yaml:snakeyaml", null, "2.0", null, null, null));
        ModuleStates states = new ModuleStates();
        states.enable("ruby", "3.3");
        Advisory.Module ruby = new Advisory.Module("ruby", "3.3", "1", "33333333", "x86_64");
        // as the server's API says it: rack fixes CVE-2026-1, and CVE-G (named by no package) the whole update
        Advisory given = advisory("G", "Moderate", ruby,
                new Advisory.Fix("gem", "rack", null, "3.1.8", null, List.of("CVE-G", "CVE-2026-1")),
                new Advisory.Fix("pypi", "urllib3", null, "2.2.0", null, List.of("CVE-G")),
                new Advisory.Fix("maven", "org.yaml:snakeyaml", null, "2.0-RC1", null, List.of("CVE-G")));
        Advisory a = new Advisory(given.id(), given.type(), given.severity(), given.title(), null, null, given.url(),
                given.references(), given.collections(), true);
        List<Applicability.Match> m = new Applicability(host, states, null, null).matches(List.of(a));
        assertThat(m).extracting(x -> x.fix().name() + " " + x.state()).containsExactly(
                "rack AVAILABLE", "urllib3 AVAILABLE", "org.yaml:snakeyaml INSTALLED");
        assertThat(ModuleReport.text(ModuleReport.of(m), true)).containsExactly(
                "ruby:3.3  (1 advisory)",
                "  G  Moderate/Sec.  CVE-G  https://paddock.example/G",
                "      rack (gem, in rubygem-rack)  3.1.7 → 3.1.8  fixes CVE-G CVE-2026-1",
                "      urllib3 (pypi)  2.2.0rc1 → 2.2.0  fixes CVE-G");
    }

    @Test
    void aGemWhoseRpmTheSameAdvisoryUpdatesIsReportedOnceAsThatRpm() {
        Advisory.Module ruby = new Advisory.Module("ruby", "3.3", "1", "33333333", "x86_64");
        List<Installed> host = List.of(installed("rubygem-rack", "3.1.7-1", "ruby:3.3:1:33333333"),
                new Installed("gem", "rack", null, "3.1.7", null, null, "rubygem-rack"),
                new Installed("gem", "rake", null, "13.1.0", null, null, "rubygem-rake"));
        ModuleStates states = new ModuleStates();
        states.enable("ruby", "3.3");
        Advisory a = advisory("R", "Low", ruby, rpm("rubygem-rack", "3.1.8-1"),
                new Advisory.Fix("gem", "rack", null, "3.1.8", null, List.of()),
                new Advisory.Fix("gem", "rake", null, "13.2.0", null, List.of()));
        List<Applicability.Match> m = new Applicability(host, states, null, "x86_64").matches(List.of(a));
        assertThat(m).as("the rack gem comes with its RPM's update: reported once, as the RPM, by every command")
                .extracting(x -> x.fix().name()).containsExactly("rubygem-rack", "rake");
        assertThat(Listing.rows(m, Listing.Filter.all())).extracting(Listing.Row::nevra)
                .containsExactly("rake-13.2.0", "rubygem-rack-3.1.8-1.x86_64");
        assertThat(ModuleReport.text(ModuleReport.of(m), true)).containsExactly(
                "ruby:3.3  (1 advisory)",
                "  R  Low/Sec.  CVE-R  https://paddock.example/R",
                "      rubygem-rack  3.1.7-1 → 3.1.8-1  fixes CVE-R",
                "      rake (gem, in rubygem-rake)  13.1.0 → 13.2.0  fixes CVE-R");

        // as the server says it: CVE-2026-9 is fixed in the rack gem alone — its RPM's line carries it
        Advisory perPackage = new Advisory("S", "security", "Important", "S", null, null, "https://paddock.example/S",
                List.of(new Advisory.Reference("cve", "CVE-2026-9", "", null)), List.of(new Advisory.Collection(ruby,
                List.of(rpm("rubygem-rack", "3.1.8-1"), new Advisory.Fix("gem", "rack", null, "3.1.8", null,
                        List.of("CVE-2026-9"))))), true);
        List<Applicability.Match> s = new Applicability(host, states, null, "x86_64").matches(List.of(perPackage));
        assertThat(ModuleReport.text(ModuleReport.of(s), true)).containsExactly(
                "ruby:3.3  (1 advisory)",
                "  S  Important/Sec.  CVE-2026-9  https://paddock.example/S",
                "      rubygem-rack  3.1.7-1 → 3.1.8-1  fixes CVE-2026-9");
    }

    @Test
    void rpmListLinesAreReadAsRpmPrintsThem() throws Exception {
        List<Installed> p = RpmList.read(new BufferedReader(new StringReader("""
                nginx|1|1.24.0|1.module_f45+1+abc12345|x86_64|nginx:1.24:4520260301000000:abc12345
                bash|(none)|5.2|1.fc45|x86_64|(none)
                gpg-pubkey|(none)|abcd1234|5e1f2a3b|(none)|(none)
                """)), "list");
        assertThat(p).extracting(Installed::nevra).containsExactly(
                "nginx-1:1.24.0-1.module_f45+1+abc12345.x86_64", "bash-5.2-1.fc45.x86_64");
        assertThat(p.get(0).moduleStream()).isEqualTo("nginx:1.24");
        assertThat(p.get(1).moduleStream()).isNull();
        assertThatThrownBy(() -> RpmList.read(new BufferedReader(new StringReader("bash 5.2\n")), "hosts.txt"))
                .isInstanceOf(ClientException.class).hasMessageStartingWith("hosts.txt line 1: expected NAME|EPOCH|");
    }

    @Test
    void modulesDFilesSayWhatIsEnabledAndDisabled() {
        ModuleStates states = new ModuleStates();
        states.defaultStream("perl", "5.36");
        states.defaultStream("nodejs", "20");
        ModulesDir.readModule(List.of("[nginx]", "name=nginx", "stream=1.24", "profiles=", "state=enabled"), states);
        ModulesDir.readModule(List.of("[perl]", "name=perl", "stream=", "profiles=", "state=disabled"), states);
        assertThat(states.isActive("nginx", "1.24")).isTrue();
        assertThat(states.isActive("nginx", "1.26")).isFalse();
        assertThat(states.isActive("perl", "5.36")).as("default, but disabled").isFalse();
        assertThat(states.isActive("nodejs", "20")).as("default").isTrue();
    }
}
