package org.paddock.artifact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class RpmVersionTest {

    static List<Arguments> rpmTestSuite() {
        return RpmReferenceCases.load("rpmvercmp.tsv");
    }

    static List<Arguments> rpmOddities() {
        return RpmReferenceCases.load("rpmvercmp-oddities.tsv");
    }

    @Test
    void theReferenceTablesAreComplete() {
        assertThat(rpmTestSuite()).hasSize(91);
        assertThat(rpmOddities()).hasSize(12);
    }

    @ParameterizedTest(name = "rpmvercmp({0}, {1}) = {2}")
    @MethodSource("rpmTestSuite")
    void agreesWithRpmsOwnTestSuite(String a, String b, int expected) {
        assertThat(RpmVersion.compare(a, b)).isEqualTo(expected);
        assertThat(RpmVersion.compare(b, a)).isEqualTo(-expected);
    }

    /** Cases rpm keeps commented out as "arguably buggy", but which rpm really does. */
    @ParameterizedTest(name = "rpmvercmp({0}, {1}) = {2}")
    @MethodSource("rpmOddities")
    void reproducesRpmsOddities(String a, String b, int expected) {
        assertThat(RpmVersion.compare(a, b)).isEqualTo(expected);
        assertThat(RpmVersion.compare(b, a)).isEqualTo(-expected);
    }

    /** More edge cases; every expected value was checked against rpmvercmp() of librpmio 4.18.0. */
    @ParameterizedTest(name = "rpmvercmp(''{0}'', ''{1}'') = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1.123456789012345678901234567890 | 1.123456789012345678901234567891 | -1
            99999999999999999999             | 100000000000000000000            | -1
            1.0                              | 1.0.                             |  0
            1.0                              | 1..0                             |  0
            1..1                             | 1.1                              |  0
            1.0                              | 1.0.0                            | -1
            1.0                              | 1.00                             |  0
            00                               | 0                                |  0
            0.1                              | 0.01                             |  0
            1a                               | 1.a                              |  0
            A                                | a                                | -1
            Z                                | a                                | -1
            a                                | 1                                | -1
            rc1                              | 1                                | -1
            1.a                              | 1.1                              | -1
            1.0                              | 1.0a                             | -1
            1.0rc1                           | 1.0                              |  1
            1.0~rc1                          | 1.0rc1                           | -1
            1.0~                             | 1.0                              | -1
            1.0~rc1                          | 1.0~                             |  1
            1.0~~                            | 1.0~                             | -1
            2.0                              | 2.0~~                            |  1
            ~1                               | ~                                |  1
            1.0^                             | 1.0~                             |  1
            1.0^                             | 1.0^^                            | -1
            1.0^~                            | 1.0^                             | -1
            1.0~^                            | 1.0~                             |  1
            1.0^1                            | 1.0^a                            |  1
            1.0^git1                         | 1.0a                             | -1
            1.0^git1                         | 1.0.1                            | -1
            1.0-1                            | 1.0.1                            |  0
            1.0ä                             | 1.0                              |  0
            fc17                             | fc9                              |  1
            el8_10                           | el8_9                            |  1
            1.el9                            | 1.el9_3                          | -1
            2.el9_3                          | 10.el9                           | -1
            1.fc40                           | 1.fc40.1                         | -1
            1.module_f45+123+abcd            | 1.module_f45+124+0000            | -1
            ''                               | ''                               |  0
            .                                | ''                               |  0
            ~                                | ''                               | -1
            ^                                | ''                               |  1
            ^                                | ~                                |  1
            """)
    void edgeCases(String a, String b, int expected) {
        assertThat(RpmVersion.compare(a, b)).isEqualTo(expected);
        assertThat(RpmVersion.compare(b, a)).isEqualTo(-expected);
    }

    @Test
    void sortsPreReleasesAndSnapshotsAroundTheRelease() {
        List<String> versions = new ArrayList<>(List.of(
                "1.1", "1.0^git2", "1.0", "1.0~rc1", "1.0.1", "1.0~rc1^git1", "1.0^git1", "1.0~beta2", "0.9"));
        Collections.shuffle(versions, new Random(45));
        versions.sort(RpmVersion::compare);
        assertThat(versions).containsExactly(
                "0.9", "1.0~beta2", "1.0~rc1", "1.0~rc1^git1", "1.0", "1.0^git1", "1.0^git2", "1.0.1", "1.1");
    }

    @Test
    void refusesNull() {
        assertThatNullPointerException().isThrownBy(() -> RpmVersion.compare(null, "1"));
        assertThatNullPointerException().isThrownBy(() -> RpmVersion.compare("1", null));
    }
}
