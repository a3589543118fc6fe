package org.paddock.client;

import org.junit.jupiter.api.Test;
import org.paddock.artifact.Evr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The listing's order, a package name at a time, is exactly the order of its lines (by package, then advisory), each once. */
class ListingTest {

    @Test
    void sortingByNameGivesTheLinesOrderEvenWhereOneNameBeginsAnother() {
        Random random = new Random(7);
        // names where one begins another, with a dash, a plus, a digit after the dash, and versions with letters
        String[] names = {"foo", "foo-devel", "foo-2fa", "foo-devel-docs", "foo+", "foo.bar", "foobar", "gtk", "gtk+",
                "gtk-doc", "python3", "python3-3to2", "python3-libs", "a", "a-b", "a-b-c", "a-0", "rack", "zlib"};
        String[] versions = {"1.0", "1.10", "2", "a1", "0.9~rc1", "10.2.3", "b"};
        Installed nobody = Installed.rpm("x", Evr.parse("0-0"), "x86_64", null);
        for (int round = 0; round < 50; round++) {
            List<Listing.Row> rows = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String name = names[random.nextInt(names.length)];
                Advisory.Fix fix = random.nextInt(5) == 0
                        ? new Advisory.Fix("gem", name, null, versions[random.nextInt(versions.length)], null, List.of())
                        : Advisory.Fix.rpm(name, new Evr(random.nextBoolean() ? null : "1",
                        versions[random.nextInt(versions.length)], "1.fc45"), random.nextBoolean() ? "x86_64" : "noarch");
                Advisory a = new Advisory("ADV-" + random.nextInt(20), "bugfix", null, "", null, null, null, List.of(),
                        List.of(new Advisory.Collection(null, List.of(fix))));
                Applicability.Match m = new Applicability.Match(a, a.collections().get(0), fix, nobody,
                        Applicability.State.AVAILABLE);
                rows.add(new Listing.Row(random.nextBoolean(), a.id(), "bugfix", fix.nevra(), m));
            }
            List<Listing.Row> expected = new ArrayList<>(rows);
            expected.sort(Comparator.comparing(Listing.Row::nevra).thenComparing(Listing.Row::id)
                    .thenComparing(Listing.Row::installed));
            // each line once, as dnf lists a package reached through two collections
            List<String> lines = expected.stream().map(r -> r.nevra() + " " + r.id() + " " + r.installed()).distinct()
                    .toList();
            assertThat(Listing.sorted(rows)).extracting(r -> r.nevra() + " " + r.id() + " " + r.installed())
                    .containsExactlyElementsOf(lines);
        }
    }
}
