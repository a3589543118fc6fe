package org.paddock.platform;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so the container files are checked offline: Compose must accept
 * docker/compose.yaml ({@code docker-compose config}, from Debian's docker-compose that .ci/run installs),
 * wired by the same PADDOCK_* variables as the launcher, and the image must be Payara Micro 6.
 */
class DockerFilesTest {

    @Test
    void composeAcceptsTheFileAndWiresTheAppToPostgresByPaddockVariables() throws Exception {
        File compose = new File("/usr/bin/docker-compose");
        assertThat(compose).as("docker-compose (apt-get install docker-compose, as .ci/run does)").canRead();
        Process p = new ProcessBuilder(compose.getPath(), "-f", "docker/compose.yaml", "config")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("PADDOCK_DB_URL: jdbc:postgresql://db:5432/paddock")
                .contains("PADDOCK_DB_USER: paddock")
                .contains("PADDOCK_DB_PASSWORD:")
                .contains("condition: service_healthy")
                .contains("dockerfile: docker/Dockerfile");
    }

    @Test
    void imageIsTheOfficialPayaraMicro6ServingTheWarAtRoot() throws Exception {
        String dockerfile = Files.readString(Path.of("docker", "Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^FROM payara/micro:6\\.[0-9.]+-jdk17$")
                .contains("target/paddock.war ${DEPLOY_DIR}/ROOT.war");
    }
}
