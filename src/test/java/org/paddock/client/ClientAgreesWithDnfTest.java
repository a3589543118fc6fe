package org.paddock.client;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paddock.testsupport.Dnf;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's answers next to the real dnf's (dnf 4, libdnf, libsolv) for the same updateinfo.xml, modules.yaml and
 * installroot: the client reads the installroot's rpmdb ({@code rpm --root}) and modules.d, as it reads a host's.
 * The fixtures (src/test/resources/client/parity-*) hold plain RPM advisories — epochs, one older than what is
 * installed, another arch, noarch, two installed kernels — and module advisories whose stream is enabled, default,
 * disabled, another of the module's streams, or of a context the repository does not publish.
 */
class ClientAgreesWithDnfTest {

    /** nginx:1.24 and ruby:3.3 enabled, perl disabled; postgresql:16 is a default stream. */
    static Dnf base;
    /** nginx:1.26 enabled; perl:5.36 and postgresql:16 default streams. */
    static Dnf other;
    static Path updateinfo;
    static Path modules;
    static Path cache;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        cache = dir.resolve("cache");
        updateinfo = copy("parity-updateinfo.xml", dir);
        modules = copy("parity-modules.yaml", dir);
        List<String> installed = Files.readAllLines(copy("parity-installed.txt", dir)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        base = Dnf.setUp(dir.resolve("base"), updateinfo, modules, installed, List.of("nginx:1.24", "ruby:3.3"));
        Files.writeString(base.root().resolve("etc/dnf/modules.d/perl.module"),
                "[perl]\nname=perl\nstream=\nprofiles=\nstate=disabled\n");
        other = Dnf.setUp(dir.resolve("other"), updateinfo, modules, installed, List.of("nginx:1.26"));
    }

    static Stream<List<String>> commands() {
        return Stream.of(List.of("--all"), List.of(), List.of("--installed"), List.of("--security"),
                List.of("--bugfix", "--all"), List.of("--enhancement", "--all"), List.of("--newpackage"),
                List.of("--all", "--cve", "CVE-2026-1011"), List.of("--all", "--cve", "CVE-2026-1006"),
                List.of("--all", "--bz", "3002"), List.of("--all", "--sec-severity", "Important"),
                List.of("--sec-severity", "Moderate"), List.of("--all", "--with-cve"), List.of("--all", "--with-bz"));
    }

    @ParameterizedTest(name = "updateinfo list {0}, nginx:1.24 and ruby:3.3 enabled, perl disabled")
    @MethodSource("commands")
    void listLikeDnf(List<String> args) throws Exception {
        assertThat(client(base, args)).as("paddock-client list " + args).isEqualTo(dnf(base, args));
    }

    @ParameterizedTest(name = "updateinfo list {0}, nginx:1.26 enabled")
    @MethodSource("commands")
    void listLikeDnfWithAnotherStream(List<String> args) throws Exception {
        assertThat(client(other, args)).as("paddock-client list " + args).isEqualTo(dnf(other, args));
    }

    private static List<String> dnf(Dnf dnf, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("updateinfo", "list"));
        command.addAll(args);
        Dnf.Result r = dnf.run(command.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.lines();
    }

    /** The client's lines, from its index of the updateinfo.xml; reading the XML itself gives the same. */
    private static List<String> client(Dnf dnf, List<String> args) {
        List<String> indexed = client(dnf, args, "--cache", cache.toString());
        assertThat(client(dnf, args, "--no-cache")).as("the same without the index").isEqualTo(indexed);
        return indexed;
    }

    private static List<String> client(Dnf dnf, List<String> args, String... cacheOptions) {
        List<String> command = new ArrayList<>(List.of("list", "--root", dnf.root().toString(),
                "--updateinfo", updateinfo.toString(), "--modules-yaml", modules.toString(), "--arch", Dnf.ARCH));
        command.addAll(List.of(cacheOptions));
        command.addAll(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PaddockClient.run(command.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(exit).as(err.toString()).isIn(0, PaddockClient.APPLY);
        return out.toString().lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
    }

    private static Path copy(String resource, Path dir) throws IOException {
        try (InputStream in = ClientAgreesWithDnfTest.class.getResourceAsStream("/client/" + resource)) {
            Path p = dir.resolve(resource);
            Files.copy(in, p);
            return p;
        }
    }
}
