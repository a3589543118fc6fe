package org.paddock.onboarding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paddock.platform.FieldError;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.security.Group;
import org.paddock.release.ModuleStream;
import org.paddock.release.Release;
import org.paddock.release.ReleaseState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading an onboarding file (paths into the file for every refusal) and the rule that what exists must be what it says. */
class OnboardingFileTest {

    static final String EXAMPLE = """
            groups:
              - name: httpd-maintainers
                description: Apache httpd
                members: [alice, bob]
            releases:
              - name: F46
                longName: Fedora 46
                state: current
                aliasPrefix: FEDORA
                streams:
                  - {name: httpd, stream: 2.4, ownerGroup: httpd-maintainers, summary: Apache httpd, eol: 2027-06-01}
                  - name: scala
                    stream: 2.10
                    ownerGroup: httpd-maintainers
              - name: EL9
                longName: Enterprise Linux 9
                aliasPrefix: EL-ADVISORY
            """;

    @Test
    void readsGroupsReleasesAndStreamsAsTheTextWritten() {
        OnboardingFile f = OnboardingFile.parse(EXAMPLE);
        assertThat(f.groups()).containsExactly(new OnboardingFile.GroupEntry("groups[0]", "httpd-maintainers",
                "Apache httpd", List.of("alice", "bob")));
        assertThat(f.releases()).hasSize(2);
        OnboardingFile.ReleaseEntry f46 = f.releases().get(0);
        assertThat(f46).extracting("path", "name", "longName", "state", "aliasPrefix")
                .containsExactly("releases[0]", "F46", "Fedora 46", "current", "FEDORA");
        assertThat(f46.streams()).containsExactly(
                new OnboardingFile.StreamEntry("releases[0].streams[0]", "httpd", "2.4", "Apache httpd",
                        "httpd-maintainers", "2027-06-01"),
                new OnboardingFile.StreamEntry("releases[0].streams[1]", "scala", "2.10", null, "httpd-maintainers", null));
        assertThat(f.releases().get(1).state()).isNull();
        assertThat(f.releases().get(1).streams()).isEmpty();
    }

    @Test
    void aFileOfReleasesAloneOrGroupsAloneIsFine() {
        assertThat(OnboardingFile.parse("groups: [{name: g}]").releases()).isEmpty();
        assertThat(OnboardingFile.parse("releases: [{name: R1}]").groups()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a release twice              | releases: [{name: F46}, {name: G}, {name: F46}]                      | releases[2].name | in the file twice (first at releases[0])
            a group twice                | groups: [{name: g}, {name: g}]                                       | groups[1].name   | in the file twice
            a stream twice in a release  | releases: [{name: F46, streams: [{name: a, stream: '1'}, {name: a, stream: '1'}]}] | releases[0].streams[1].name | a:1 is in the file twice
            an unknown key               | releases: [{name: F46, streams: [{name: a, stream: '1', owner: g}]}] | releases[0].streams[0] | unknown key 'owner'
            an unknown top key           | release: []                                                          | body             | unknown key 'release'
            a key twice                  | 'releases: [{name: F46, name: F47}]'                                 | releases[0].name | given twice
            releases not a list          | releases: {name: F46}                                                | releases         | must be a list
            a release not a mapping      | releases: [F46]                                                      | releases[0]      | must be a mapping
            a member not a text          | groups: [{name: g, members: [{name: alice}]}]                        | groups[0].members[0] | must be a text
            a name missing               | releases: [{longName: x}]                                            | releases[0].name | is required
            a stream missing             | releases: [{name: F46, streams: [{name: a}]}]                        | releases[0].streams[0].stream | is required
            nothing                      | 'groups: []'                                                         | body             | nothing to import
            not YAML                     | 'releases: [{name: F46'                                              | body             | is not YAML
            a list                       | '- a'                                                                | body             | must be a mapping
            """)
    void refusalsNameTheirPathIntoTheFile(String what, String yaml, String field, String reason) {
        assertThatThrownBy(() -> OnboardingFile.parse(yaml)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).anySatisfy(err -> {
                    assertThat(err.field()).isEqualTo(field);
                    assertThat(err.reason()).contains(reason);
                }));
    }

    @Test
    void boundedLikeEveryYamlPaddockReads() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ",").repeat(8))
                    .append('*').append((char) (c - 1)).append("]\n");
        }
        for (String hostile : List.of(bomb.toString(), "releases: " + "[".repeat(200) + "]".repeat(200),
                "releases: []\n---\ngroups: []\n", "releases: [{name: \"F\\u0000\"}]", "releases: [{name: \"\\ud800\"}]")) {
            assertThatThrownBy(() -> OnboardingFile.parse(hostile)).as(hostile).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void whatExistsAndIsWhatTheFileSaysIsUnchanged() {
        Release f46 = new Release("F46", "Fedora 46", ReleaseState.CURRENT, "FEDORA", Instant.EPOCH);
        OnboardingFile.ReleaseEntry same = new OnboardingFile.ReleaseEntry("releases[0]", "F46", " Fedora 46 ",
                "Current", "FEDORA", List.of());
        assertThat(OnboardingFile.differences(same, f46)).isEmpty();
        OnboardingFile.ReleaseEntry silent = new OnboardingFile.ReleaseEntry("releases[0]", "F46", null, null, null, List.of());
        assertThat(OnboardingFile.differences(silent, f46)).as("what the file leaves out is not compared").isEmpty();
    }

    @Test
    void whatExistsAndDiffersIsRefusedAtEachDifferingField() {
        Release f46 = new Release("F46", "Fedora 46", ReleaseState.CURRENT, "FEDORA", Instant.EPOCH);
        List<FieldError> errors = OnboardingFile.differences(new OnboardingFile.ReleaseEntry("releases[1]", "F46",
                "Fedora 46", "frozen", "FEDORA-EPEL", List.of()), f46);
        assertThat(errors).extracting(FieldError::field).containsExactly("releases[1].state", "releases[1].aliasPrefix");
        assertThat(errors.get(0).reason()).contains("is 'current' in Paddock, not 'frozen'")
                .contains("PATCH /api/v1/releases/F46");

        ModuleStream httpd = f46.addModuleStream("httpd", "2.4", "Apache httpd", Instant.EPOCH);
        httpd.ownedBy(new Group("httpd-maintainers", ""));
        httpd.endLifeOn(LocalDate.of(2027, 6, 1));
        String path = "releases[0].streams[0]";
        assertThat(OnboardingFile.differences(new OnboardingFile.StreamEntry(path, "httpd", "2.4", "Apache httpd",
                "httpd-maintainers", "2027-06-01"), httpd)).isEmpty();
        assertThat(OnboardingFile.differences(new OnboardingFile.StreamEntry(path, "httpd", "2.4", null,
                "web-maintainers", "2028-01-01"), httpd)).extracting(FieldError::field)
                .containsExactly(path + ".ownerGroup", path + ".eol");

        Group g = new Group("httpd-maintainers", "Apache httpd");
        assertThat(OnboardingFile.differences(new OnboardingFile.GroupEntry("groups[0]", "httpd-maintainers", null,
                List.of()), g)).isEmpty();
        assertThat(OnboardingFile.differences(new OnboardingFile.GroupEntry("groups[0]", "httpd-maintainers", "Web",
                List.of()), g)).extracting(FieldError::field).containsExactly("groups[0].description");
    }
}
