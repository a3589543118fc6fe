package org.paddock.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModuleStreamTest {

    private final Release f45 = new Release("F45", "Fedora 45", ReleaseState.CURRENT, Instant.EPOCH);

    @Test
    void isWrittenNameColonStreamAndBelongsToItsRelease() {
        ModuleStream nginx = f45.addModuleStream("nginx", "1.24", "  web server  ", Instant.EPOCH);
        assertThat(nginx.getNameStream()).isEqualTo("nginx:1.24");
        assertThat(nginx.getSummary()).isEqualTo("web server");
        assertThat(nginx.getRelease()).isSameAs(f45);
        assertThat(f45.getModuleStreams()).containsExactly(nginx);
    }

    @ParameterizedTest
    @ValueSource(strings = {"perl-DBI", "python3.11", "gtk+", "389-ds", "nodejs_ext"})
    void acceptsRealModuleNames(String name) {
        assertThat(f45.addModuleStream(name, "master", null, Instant.EPOCH).getName()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bad name", "-dash", "a:b", "ünï"})
    void refusesNamesThatCannotBeAModule(String name) {
        assertThatThrownBy(() -> f45.addModuleStream(name, "1", "", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("module name '" + name + "' must start with a letter or digit and hold only letters, "
                        + "digits and . _ + - (at most 100 characters)");
        assertThat(f45.getModuleStreams()).isEmpty();
    }

    @Test
    void refusesAnEmptyStream() {
        assertThatThrownBy(() -> f45.addModuleStream("nginx", null, "", Instant.EPOCH))
                .hasMessageStartingWith("stream 'null' must start with a letter or digit");
    }
}
