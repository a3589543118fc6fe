package org.paddock.artifact;

import org.junit.jupiter.params.provider.Arguments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the comparison tables transcribed from rpm's own test suite (src/test/resources/artifact/*.tsv,
 * see their header lines for the source): rows {@code a<TAB>b<TAB>expected}, '#' lines are comments.
 */
final class RpmReferenceCases {

    private RpmReferenceCases() {
    }

    /** The rows of a table on the test classpath, e.g. {@code "rpmvercmp.tsv"}, as (a, b, expected). */
    static List<Arguments> load(String table) {
        String resource = "/artifact/" + table;
        InputStream in = RpmReferenceCases.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the test classpath");
        }
        List<Arguments> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 3) {
                    throw new IllegalStateException(resource + " line " + lineNumber + " has " + columns.length
                            + " columns, expected a<TAB>b<TAB>expected: " + line);
                }
                rows.add(Arguments.of(columns[0], columns[1], Integer.parseInt(columns[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
