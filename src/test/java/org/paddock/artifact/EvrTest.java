package org.paddock.artifact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EvrTest {

    private static final String VERSION_CHARS = "(allowed: ASCII letters, digits and . _ + % { } ~ ^)";

    static List<Arguments> rpmTestSuite() {
        return RpmReferenceCases.load("rpmevr.tsv");
    }

    @Test
    void theReferenceTableIsComplete() {
        assertThat(rpmTestSuite()).hasSize(29);
    }

    @ParameterizedTest(name = "rpmverCmp({0}, {1}) = {2}")
    @MethodSource("rpmTestSuite")
    void ordersLikeRpm(String a, String b, int expected) {
        assertThat(Evr.parse(a).compareTo(Evr.parse(b))).isEqualTo(expected);
        assertThat(Evr.parse(b).compareTo(Evr.parse(a))).isEqualTo(-expected);
    }

    /** More orderings; every expected value was checked against rpmverCmp() of librpmio 4.18.0. */
    @ParameterizedTest(name = "rpmverCmp({0}, {1}) = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1.2                    | 1.2-1                  | -1
            1.0-1                  | 1.0-1.fc45             | -1
            01:1.0                 | 1:1.0                  |  0
            10:1.0                 | 9:2.0                  |  1
            18446744073709551616:1 | 18446744073709551615:9 |  1
            1.0~rc1-5              | 1.0-1                  | -1
            1.0^git1-1             | 1.0-9                  |  1
            2.0-1                  | 10.0-1                 | -1
            1.0-1.el9              | 1.0-1.el9_3            | -1
            1:1.0                  | 1.0-1                  |  1
            """)
    void ordersEpochVersionThenRelease(String a, String b, int expected) {
        assertThat(Evr.parse(a).compareTo(Evr.parse(b))).isEqualTo(expected);
        assertThat(Evr.parse(b).compareTo(Evr.parse(a))).isEqualTo(-expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1.0                               | -   | 1.0                   | -
            1.0-1                             | -   | 1.0                   | 1
            1:1.0                             | 1   | 1.0                   | -
            0:1.0-1                           | 0   | 1.0                   | 1
            1:1.24.0-1.module_f45+123+abcd    | 1   | 1.24.0                | 1.module_f45+123+abcd
            1.0~rc1-0.1.fc45                  | -   | 1.0~rc1               | 0.1.fc45
            1.0^20240101git1a2b3c-3.el9_3     | -   | 1.0^20240101git1a2b3c | 3.el9_3
            4:5.26.2-413.module_2073+eebc5b71 | 4   | 5.26.2                | 413.module_2073+eebc5b71
            007:1.0-1                         | 007 | 1.0                   | 1
            """)
    void parsesEpochVersionAndRelease(String s, String epoch, String version, String release) {
        Evr evr = Evr.parse(s);
        assertThat(evr).isEqualTo(new Evr(epoch, version, release));
        assertThat(evr.toString()).isEqualTo(s);
    }

    @Test
    void aMissingEpochIsZeroForOrderingButIsKeptAsWritten() {
        Evr bare = Evr.parse("1.0-1");
        Evr zero = Evr.parse("0:1.0-1");
        assertThat(bare.compareTo(zero)).isZero();
        assertThat(bare).isNotEqualTo(zero);
        assertThat(bare.epoch()).isNull();
        assertThat(zero).hasToString("0:1.0-1");
    }

    @Test
    void sortsLikeRpm() {
        List<Evr> evrs = new ArrayList<>(List.of("1:0.1-1", "1.0-2", "1.0", "1.0-1", "0:1.0~rc1-9", "1.0^git1-1",
                "1.0-10", "1.0-1.fc45").stream().map(Evr::parse).toList());
        Collections.shuffle(evrs, new Random(45));
        Collections.sort(evrs);
        assertThat(evrs).extracting(Evr::toString).containsExactly(
                "0:1.0~rc1-9", "1.0", "1.0-1", "1.0-1.fc45", "1.0-2", "1.0-10", "1.0^git1-1", "1:0.1-1");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''        | EVR '' has an empty version
            1:        | EVR '1:' has an empty version
            -1        | EVR '-1' has an empty version
            1:-1      | EVR '1:-1' has an empty version
            :1.0      | EVR ':1.0' has an empty epoch
            a:1.0     | EVR 'a:1.0' has a non-numeric epoch 'a'
            -1:1.0    | EVR '-1:1.0' has a non-numeric epoch '-1'
            1.0:2-1   | EVR '1.0:2-1' has a non-numeric epoch '1.0'
            1.0-      | EVR '1.0-' has an empty release
            1:1.0-    | EVR '1:1.0-' has an empty release
            1..0      | EVR '1..0' has '..' in its version '1..0'
            1.0-1..fc45 | EVR '1.0-1..fc45' has '..' in its release '1..fc45'
            """)
    void refusesMalformedInput(String s, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Evr.parse(s)).withMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1-2-3       | -   | version | 1-2
            1:2:3       | :   | version | 2:3
            '1.0 beta'  | ' ' | version | 1.0 beta
            1.0-1/fc45  | /   | release | 1/fc45
            1.0ä        | ä   | version | 1.0ä
            1.0-1.fc45# | #   | release | 1.fc45#
            """)
    void refusesCharactersRpmbuildRefuses(String s, String character, String part, String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Evr.parse(s)).withMessage(
                "EVR '" + s + "' has an illegal character '" + character + "' in its " + part + " '" + value + "' "
                        + VERSION_CHARS);
    }

    @Test
    void namesControlCharactersByCodePoint() {
        assertThatIllegalArgumentException().isThrownBy(() -> Evr.parse("1.0\t"))
                .withMessage("EVR '1.0\t' has an illegal character U+0009 in its version '1.0\t' " + VERSION_CHARS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0%{dist}", "1.0+git.a1b2", "1_2", "ABC", "1.0~~rc", "1.0^^"})
    void acceptsWhatRpmbuildAccepts(String version) {
        assertThat(Evr.parse(version).version()).isEqualTo(version);
    }

    @Test
    void theConstructorChecksTheSameRules() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Evr("x", "1.0", null))
                .withMessage("EVR 'x:1.0' has a non-numeric epoch 'x'");
        assertThatIllegalArgumentException().isThrownBy(() -> new Evr(null, null, "1"))
                .withMessage("EVR '-1' has no version");
        assertThatIllegalArgumentException().isThrownBy(() -> new Evr(null, "1.0", ""))
                .withMessage("EVR '1.0-' has an empty release");
        assertThat(new Evr(null, "1.0", null)).hasToString("1.0");
    }
}
