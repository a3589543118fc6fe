package org.paddock.artifact;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PEP 440 and RubyGems order, checked against the cases osv-scalibr keeps (transcribed in
 * src/test/resources/artifact/versions): the hand-written ones and the generated ones (every neighbouring pair of
 * each package's versions as pip and gem sort them). Each line is checked both ways round.
 */
class EcosystemVersionTest {

    record Case(int line, String a, String op, String b) {
    }

    static List<Case> cases(String file) throws IOException {
        String resource = "/artifact/versions/" + file;
        List<Case> cases = new ArrayList<>();
        try (InputStream in = EcosystemVersionTest.class.getResourceAsStream(resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (line.isBlank() || line.startsWith("# ") || line.startsWith("// ")) {
                    continue;
                }
                String[] f = line.split(" ", -1);
                if (f.length != 3) {
                    throw new IllegalStateException(resource + " line " + n + " is not 'A OP B': " + line);
                }
                cases.add(new Case(n, f[0], f[1], f[2]));
            }
        }
        return cases;
    }

    /** Checks every case whose versions {@code valid} accepts; answers how many it skipped as not valid. */
    static int check(String file, Predicate<String> valid, BiFunction<String, String, Integer> compare)
            throws IOException {
        List<String> wrong = new ArrayList<>();
        int skipped = 0;
        List<Case> all = cases(file);
        for (Case c : all) {
            if (!valid.test(c.a()) || !valid.test(c.b())) {
                skipped++;
                continue;
            }
            int expected = switch (c.op()) {
                case "<" -> -1;
                case ">" -> 1;
                default -> 0;
            };
            int forth = Integer.signum(compare.apply(c.a(), c.b()));
            int back = Integer.signum(compare.apply(c.b(), c.a()));
            if (forth != expected || back != -expected) {
                wrong.add(file + ":" + c.line() + " " + c.a() + " " + c.op() + " " + c.b() + " (got " + forth + "/" + back + ")");
            }
        }
        assertThat(wrong).as(file).isEmpty();
        assertThat(all.size() - skipped).as(file + ": cases checked").isPositive();
        return skipped;
    }

    @Test
    void pep440FollowsPipsOrder() throws IOException {
        // lines with legacy versions PEP 440 refuses ("0.1-bulbasaur"): pip no longer orders them, nor do we
        assertThat(check("pypi-versions.txt", Pep440Version::isValid, Pep440Version::compare)).isEqualTo(11);
        assertThat(check("pypi-versions-generated.txt", Pep440Version::isValid, Pep440Version::compare)).isEqualTo(69);
    }

    @Test
    void rubyGemsFollowsGemsOrder() throws IOException {
        assertThat(check("rubygems-versions.txt", GemVersion::isValid, GemVersion::compare)).isZero();
        assertThat(check("rubygems-versions-generated.txt", GemVersion::isValid, GemVersion::compare)).isZero();
    }

    @Test
    void pep440Spellings() {
        assertThat(Pep440Version.parse("1.0-1")).isEqualTo(Pep440Version.parse("1.0.post1"));
        assertThat(Pep440Version.parse("v1.0RC1")).isEqualTo(Pep440Version.parse("1.0rc1"));
        assertThat(Pep440Version.parse("1!1.0")).isGreaterThan(Pep440Version.parse("2.0"));
        assertThat(Pep440Version.parse("1.0.dev1")).isLessThan(Pep440Version.parse("1.0a1"));
        assertThat(Pep440Version.parse("1.0+ubuntu.1")).isGreaterThan(Pep440Version.parse("1.0"));
        assertThat(Pep440Version.parse("1.0+1")).isGreaterThan(Pep440Version.parse("1.0+abc"));
        assertThat(Pep440Version.parse("2.0b1").isPrerelease()).isTrue();
        assertThatThrownBy(() -> Pep440Version.parse("0.1-bulbasaur")).hasMessageContaining("not a PEP 440 version");
    }

    @Test
    void rubyGemsSpellings() {
        assertThat(GemVersion.parse("1.0-rc1")).isEqualTo(GemVersion.parse("1.0.pre.rc1"));
        assertThat(GemVersion.parse("1.0-rc1")).isLessThan(GemVersion.parse("1.0"));
        assertThat(GemVersion.parse("")).isEqualTo(GemVersion.parse("0"));
        assertThat(GemVersion.parse("3.1.8").isPrerelease()).isFalse();
        assertThatThrownBy(() -> GemVersion.parse("1..2")).hasMessageContaining("not a RubyGems version");
    }
}
