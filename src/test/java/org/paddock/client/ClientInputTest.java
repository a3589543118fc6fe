package org.paddock.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Input the client cannot use ends in one line on standard error and exit 1 — quickly, never a stack trace. */
class ClientInputTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run client(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> PaddockClient.run(args, new PrintWriter(out, true), new PrintWriter(err, true)));
        return new Run(exit, out.toString(), err.toString());
    }

    Run list(Path updateinfo) throws Exception {
        Path host = Files.writeString(dir.resolve("host.txt"), "zlib|(none)|1.3|1.fc45|x86_64|(none)\n");
        return client("list", "--all", "--no-cache", "--rpm-list", host.toString(), "--updateinfo", updateinfo.toString());
    }

    void oneLine(Run r, String words) {
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("paddock-client: ").contains(words).doesNotContain("\n").doesNotContain("\tat ");
    }

    @Test
    void entitiesAreNeitherExpandedNorFetched() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top-secret");
        Path xxe = Files.writeString(dir.resolve("xxe.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE updates [<!ENTITY s SYSTEM "file://%s">]>
                <updates><update type="security"><id>X-1</id><title>&s;</title><pkglist><collection><package name="zlib"
                 version="1.4" release="1" epoch="0" arch="x86_64"/></collection></pkglist></update></updates>
                """.formatted(secret));
        Run r = list(xxe);
        assertThat(r.out() + r.err()).doesNotContain("top-secret");
        Path bomb = Files.writeString(dir.resolve("bomb.xml"), "<?xml version=\"1.0\"?><!DOCTYPE u [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
                + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>"
                + "<updates><update type=\"bugfix\"><id>B-1</id><title>&g;&g;&g;&g;&g;&g;&g;&g;</title></update></updates>");
        Run b = list(bomb);
        assertThat(b.exit()).isIn(0, 1);
        assertThat(b.err()).doesNotContain("\tat ");
    }

    @Test
    void brokenFilesAreOneLine() throws Exception {
        oneLine(list(Files.writeString(dir.resolve("cut.xml"), "<updates><update type=\"security\"><id>A")), "not a well-formed updateinfo.xml");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write("<updates><update><id>A-1</id></update></updates>".repeat(50).getBytes(StandardCharsets.UTF_8));
        }
        byte[] cut = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        oneLine(list(Files.write(dir.resolve("cut.xml.gz"), cut)), "cut.xml.gz");
        oneLine(list(dir.resolve("missing.xml")), "no such file");
        oneLine(client("list", "--rpm-list", dir.resolve("nope.txt").toString(), "--updateinfo", "x"), "no such file");
        oneLine(client("list", "--rpm-list", Files.writeString(dir.resolve("h.txt"), "zlib|x\n").toString(), "--updateinfo",
                Files.writeString(dir.resolve("u.xml"), "<updates/>").toString()), "expected NAME|EPOCH|");
        oneLine(client("list", "--rpm-list", dir.resolve("host.txt").toString()), "--updateinfo FILE or --server URL");
        Run usage = client("list", "--fail-on", "huge", "--rpm-list", dir.resolve("host.txt").toString(), "--updateinfo",
                dir.resolve("u.xml").toString(), "--no-cache");
        assertThat(usage.exit()).as("bad usage").isEqualTo(2);
        assertThat(usage.err()).contains("--fail-on huge: one of low, moderate, important, critical").doesNotContain("\tat ");
    }
}
