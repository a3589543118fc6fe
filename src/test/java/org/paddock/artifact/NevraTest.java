package org.paddock.artifact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NevraTest {

    private static final String SHAPE = "must look like name-[epoch:]version-release.arch";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            nginx-1:1.24.0-1.module_f45+123+abcd.x86_64          | nginx           | 1 | 1.24.0                | 1.module_f45+123+abcd      | x86_64
            perl-4:5.26.2-413.module_2073+eebc5b71.x86_64        | perl            | 4 | 5.26.2                | 413.module_2073+eebc5b71   | x86_64
            antlr-C++-doc-0:2.7.7-56.module_2512+68251d4e.noarch | antlr-C++-doc   | 0 | 2.7.7                 | 56.module_2512+68251d4e    | noarch
            perl-DBI-1.643-3.fc45.x86_64                         | perl-DBI        | - | 1.643                 | 3.fc45                     | x86_64
            389-ds-base-3.0.4-1.fc45.s390x                       | 389-ds-base     | - | 3.0.4                 | 1.fc45                     | s390x
            libstdc++-devel-14.2.1-3.fc45.i686                   | libstdc++-devel | - | 14.2.1                | 3.fc45                     | i686
            _foo-1.0~rc1-0.1.fc45.noarch                         | _foo            | - | 1.0~rc1               | 0.1.fc45                   | noarch
            golang-x-tools-0.1^20240101git1a2b3c-2.el9_4.aarch64 | golang-x-tools  | - | 0.1^20240101git1a2b3c | 2.el9_4                    | aarch64
            kernel-6.12.0-0.rc1.20241001git1.18.fc45.ppc64le     | kernel          | - | 6.12.0                | 0.rc1.20241001git1.18.fc45 | ppc64le
            glibc-2.40-3.fc45.armv7hl                            | glibc           | - | 2.40                  | 3.fc45                     | armv7hl
            rust-1.82.0-1.fc45.riscv64                           | rust            | - | 1.82.0                | 1.fc45                     | riscv64
            """)
    void parsesModulemdArtifactsAndPlainNevras(String s, String name, String epoch, String version, String release,
                                               String arch) {
        Nevra nevra = Nevra.parse(s);
        assertThat(nevra).isEqualTo(new Nevra(name, epoch, version, release, arch));
        assertThat(nevra.isSource()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nginx-1.24.0-1.fc45.x86_64.rpm        | nginx-1.24.0-1.fc45.x86_64        | nginx-1.24.0-1.fc45
            nginx-1.24.0-1.fc45.src.rpm           | nginx-1.24.0-1.fc45.src           | nginx-1.24.0-1.fc45
            perl-Foo-Bar-0.01-1.el9.noarch.rpm    | perl-Foo-Bar-0.01-1.el9.noarch    | perl-Foo-Bar-0.01-1.el9
            """)
    void parsesRpmFileNames(String filename, String nevra, String nvr) {
        Nevra parsed = Nevra.parse(filename);
        assertThat(parsed.epoch()).isNull();
        assertThat(parsed).hasToString(nevra);
        assertThat(parsed.nvr()).isEqualTo(nvr);
        assertThat(parsed.filename()).isEqualTo(filename);
    }

    @Test
    void writesTheEpochOnlyWhenItIsNotZero() {
        assertThat(Nevra.parse("nginx-1:1.24.0-1.fc45.x86_64")).hasToString("nginx-1:1.24.0-1.fc45.x86_64");
        assertThat(Nevra.parse("nginx-0:1.24.0-1.fc45.x86_64")).hasToString("nginx-1.24.0-1.fc45.x86_64");
        assertThat(Nevra.parse("nginx-00:1.24.0-1.fc45.x86_64")).hasToString("nginx-1.24.0-1.fc45.x86_64");
        assertThat(Nevra.parse("nginx-1.24.0-1.fc45.x86_64")).hasToString("nginx-1.24.0-1.fc45.x86_64");
        assertThat(Nevra.parse("nginx-0:1.24.0-1.fc45.x86_64").epoch()).isEqualTo("0");
    }

    @Test
    void givesItsEvrNvrAndFileName() {
        Nevra nginx = Nevra.parse("nginx-1:1.24.0-1.module_f45+123+abcd.x86_64");
        assertThat(nginx.evr()).isEqualTo(new Evr("1", "1.24.0", "1.module_f45+123+abcd"));
        assertThat(nginx.nvr()).isEqualTo("nginx-1.24.0-1.module_f45+123+abcd");
        assertThat(nginx.filename()).isEqualTo("nginx-1.24.0-1.module_f45+123+abcd.x86_64.rpm");
        assertThat(nginx.evr().compareTo(Evr.parse("1:1.24.0-1.fc45"))).isPositive();
        assertThat(nginx.evr().compareTo(Evr.parse("1.26.0-1.fc45"))).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx-1.24.0-1.fc45.src", "nginx-1.24.0-1.fc45.nosrc", "nginx-1.24.0-1.fc45.src.rpm"})
    void knowsSourcePackages(String s) {
        assertThat(Nevra.parse(s).isSource()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            nginx                          | NEVRA 'nginx' {shape} (no '.arch' at the end)
            ''                             | NEVRA '' {shape} (no '.arch' at the end)
            nginx-1.24.0-1                 | NEVRA 'nginx-1.24.0-1' {shape} (no '.arch' at the end)
            nginx-1.24.0-1.rpm             | NEVRA 'nginx-1.24.0-1.rpm' {shape} (no '.arch' at the end)
            nginx-1.24.0-1.fc45.x86-64     | NEVRA 'nginx-1.24.0-1.fc45.x86-64' {shape} (no '.arch' at the end)
            nginx.x86_64                   | NEVRA 'nginx.x86_64' {shape} (it needs a '-' before the version and another before the release)
            nginx-1.24.0.x86_64            | NEVRA 'nginx-1.24.0.x86_64' {shape} (it needs a '-' before the version and another before the release)
            -1.fc45.x86_64                 | NEVRA '-1.fc45.x86_64' {shape} (it needs a '-' before the version and another before the release)
            -1.24.0-1.fc45.x86_64          | NEVRA '-1.24.0-1.fc45.x86_64' has an empty name
            nginx--1.fc45.x86_64           | NEVRA 'nginx--1.fc45.x86_64' has an empty version
            nginx-1:-1.fc45.x86_64         | NEVRA 'nginx-1:-1.fc45.x86_64' has an empty version
            nginx-1.24.0-.x86_64           | NEVRA 'nginx-1.24.0-.x86_64' has an empty release
            nginx-1.24.0-1.                | NEVRA 'nginx-1.24.0-1.' has an empty arch
            nginx-x:1.24.0-1.fc45.x86_64   | NEVRA 'nginx-x:1.24.0-1.fc45.x86_64' has a non-numeric epoch 'x'
            nginx-1.0:1.24.0-1.fc45.x86_64 | NEVRA 'nginx-1.0:1.24.0-1.fc45.x86_64' has a non-numeric epoch '1.0'
            nginx-:1.24.0-1.fc45.x86_64    | NEVRA 'nginx-:1.24.0-1.fc45.x86_64' has an empty epoch
            nginx-4294967296:1.24-1.x86_64 | NEVRA 'nginx-4294967296:1.24-1.x86_64' has an epoch larger than rpm builds, 4294967295
            nginx-99999999999:1-1.x86_64   | NEVRA 'nginx-99999999999:1-1.x86_64' has an epoch larger than rpm builds, 4294967295
            nginx-1:2:1.24-1.fc45.x86_64   | NEVRA 'nginx-1:2:1.24-1.fc45.x86_64' has an illegal character ':' in its version '2:1.24' (allowed: ASCII letters, digits and . _ + % { } ~ ^)
            1:nginx-1.24.0-1.fc45.x86_64   | NEVRA '1:nginx-1.24.0-1.fc45.x86_64' has a ':' in its name '1:nginx' (an epoch belongs before the version: name-[epoch:]version-release.arch)
            .nginx-1.24.0-1.fc45.x86_64    | NEVRA '.nginx-1.24.0-1.fc45.x86_64' has a name '.nginx' that does not start with an ASCII letter, a digit, '_' or '%'
            ngi nx-1.24.0-1.fc45.x86_64    | NEVRA 'ngi nx-1.24.0-1.fc45.x86_64' has an illegal character ' ' in its name 'ngi nx' (allowed: ASCII letters, digits and . - _ + % { })
            ngi..nx-1.24.0-1.fc45.x86_64   | NEVRA 'ngi..nx-1.24.0-1.fc45.x86_64' has '..' in its name 'ngi..nx'
            nginx-1.24..0-1.fc45.x86_64    | NEVRA 'nginx-1.24..0-1.fc45.x86_64' has '..' in its version '1.24..0'
            """)
    void refusesMalformedNevras(String s, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Nevra.parse(s))
                .withMessage(message.replace("{shape}", SHAPE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nginx-1.24.0-1.fc45            | fc45
            nginx-1.24.0-1.fc45.amd65      | amd65
            nginx-1.24.0-1.fc45.X86_64     | X86_64
            nginx-1.24.0-1.fc45.x86_64.deb | deb
            'nginx-1.24.0-1.fc45.x86_64 '  | 'x86_64 '
            """)
    void refusesUnknownArches(String s, String arch) {
        assertThatIllegalArgumentException().isThrownBy(() -> Nevra.parse(s))
                .withMessageStartingWith("NEVRA '" + s + "' has an unknown arch '" + arch
                        + "' (the part after the last '.' must be one of: aarch64, alpha, amd64, armv5tel,")
                .withMessageContaining(", noarch, nosrc, pentium3, pentium4, ppc, ppc64, ppc64le, ppc64p7, riscv64, s390, s390x,")
                .withMessageEndingWith(", src, x86_64, x86_64_v2, x86_64_v3, x86_64_v4)");
    }

    @Test
    void theConstructorChecksTheSameRules() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Nevra("nginx", null, "1.24.0", null, "x86_64"))
                .withMessage("NEVRA 'nginx-1.24.0-.x86_64' has no release");
        assertThatIllegalArgumentException().isThrownBy(() -> new Nevra("nginx", "01a", "1.24.0", "1", "x86_64"))
                .withMessage("NEVRA 'nginx-01a:1.24.0-1.x86_64' has a non-numeric epoch '01a'");
        assertThatIllegalArgumentException().isThrownBy(() -> new Nevra(null, null, "1", "1", "x86_64"))
                .withMessage("NEVRA '-1-1.x86_64' has no name");
        assertThatIllegalArgumentException().isThrownBy(() -> new Nevra("nginx", null, "1", "1", null))
                .withMessage("NEVRA 'nginx-1-1.' has no arch");
    }
}
