package org.paddock.client;

import org.junit.jupiter.api.Test;
import org.paddock.testsupport.Dnf;
import org.paddock.testsupport.TestPaths;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dnf paddock}: the real dnf runs the plugin (src/main/python/paddock.py), which runs the built client jar on
 * the installroot dnf works on. A real-process test: dnf, Python, the client's JVM. No server: the plugin's
 * configuration names an updateinfo.xml.
 */
class DnfPluginIT {

    @Test
    void dnfPaddockModulesVerboseSaysWhichStreamsNeedAnUpdate() throws Exception {
        Path dir = TestPaths.dir("dnf-plugin");
        Path updateinfo = copy("parity-updateinfo.xml", dir);
        Path modules = copy("parity-modules.yaml", dir);
        List<String> installed = Files.readAllLines(copy("parity-installed.txt", dir)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        Dnf dnf = Dnf.setUp(dir.resolve("root"), updateinfo, modules, installed, List.of("nginx:1.24"));

        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(Path.of("src/main/python/paddock.py"), plugins.resolve("paddock.py"));
        Path conf = Files.createDirectories(dir.resolve("plugins.d"));
        Files.writeString(conf.resolve("paddock.conf"), """
                [main]
                enabled = 1
                jar = %s
                client = %s
                java = %s
                updateinfo = %s
                modules_yaml = %s
                cache = %s
                """.formatted(TestPaths.clientJar().toAbsolutePath(), Path.of("src/main/sh/paddock-client").toAbsolutePath(),
                Path.of(System.getProperty("java.home"), "bin", "java"), updateinfo, modules, dir.resolve("cache")));

        Dnf.Result r = dnf.runWithPlugins(plugins, conf, "paddock", "modules", "--verbose");
        assertThat(r.exitCode()).as(r.err() + r.out()).isEqualTo(100);
        assertThat(r.out()).contains("nginx:1.24  (1 advisory)")
                .contains("PAR-2026-11  Important/Sec.  CVE-2026-1011")
                .contains("nginx  1:1.24.0-1.module_f45+1+abc12345 → 1:1.24.0-2.module_f45+2+abc12345  fixes CVE-2026-1011")
                .contains("postgresql:16  (1 advisory)")
                .doesNotContain("nginx:1.26").doesNotContain("ruby:3.3");

        Dnf.Result none = dnf.runWithPlugins(plugins, conf, "paddock", "list", "--cve", "CVE-2026-1004");
        assertThat(none.exitCode()).as("bash 5.0 is older than what is installed").isZero();

        Files.writeString(conf.resolve("paddock.conf"), "[main]\nenabled = 1\njar = /nowhere.jar\n");
        Dnf.Result misconfigured = dnf.runWithPlugins(plugins, conf, "paddock", "modules");
        assertThat(misconfigured.exitCode()).isEqualTo(1);
        assertThat(misconfigured.err()).contains("paddock.conf: set server=");
    }

    private static Path copy(String resource, Path dir) throws IOException {
        try (InputStream in = DnfPluginIT.class.getResourceAsStream("/client/" + resource)) {
            Path p = dir.resolve(resource);
            Files.copy(in, p);
            return p;
        }
    }

    /** src/main/sh/paddock-client: the jar's answer, and nothing from the JVM on standard error. */
    @Test
    void theLauncherScriptAnswersAsTheJarDoes() throws Exception {
        Path dir = TestPaths.dir("client-script");
        Path updateinfo = copy("parity-updateinfo.xml", dir);
        Path host = Files.writeString(dir.resolve("host.txt"), """
                zlib|(none)|1.3|1.fc45|x86_64|(none)
                nginx|1|1.24.0|1.module_f45+1+abc12345|x86_64|nginx:1.24:4520260301000000:abc12345
                """);
        List<String> lines = script(dir, "list", "--all", "--no-cache", "--rpm-list", host.toString(),
                "--updateinfo", updateinfo.toString());
        assertThat(lines).containsExactly(
                "  PAR-2026-11 Important/Sec. nginx-1:1.24.0-2.module_f45+2+abc12345.x86_64",
                "  PAR-2026-01 Important/Sec. zlib-1.3.1-1.fc45.x86_64");
    }

    private static List<String> script(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of("src/main/sh/paddock-client").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().put("PADDOCK_CLIENT_JAR", TestPaths.clientJar().toAbsolutePath().toString());
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isEqualTo(100);
        assertThat(err).as("nothing from the JVM").isEmpty();
        return out.lines().toList();
    }
}
