package org.paddock.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** db/migration is the only owner of the schema: its files are named so Flyway applies them in order. */
class MigrationFilesTest {

    private static final Pattern NAME = Pattern.compile("V(\\d{3})__[a-z0-9_]+\\.sql");

    @Test
    void migrationsAreNumberedWithoutGapsOrDuplicates() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(Path.of("db", "migration"))) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(files).isNotEmpty().allMatch(f -> NAME.matcher(f).matches(),
                "named V<3 digits>__<lower_case_words>.sql");
        for (int i = 0; i < files.size(); i++) {
            Matcher m = NAME.matcher(files.get(i));
            assertThat(m.matches()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).as("version of %s", files.get(i)).isEqualTo(i + 1);
        }
    }
}
