package org.paddock.feed;

import java.time.Instant;
import java.util.List;

/**
 * One update as the feeds publish it: plain data read from the database in one pass, handed to the writers
 * (updateinfo.xml, modules.yaml, Atom, JSON, OSV) one at a time so no feed holds all of them.
 *
 * @param key        the update's row id: the order feeds are written in, and the JSON API's cursor
 * @param id         the update's alias, e.g. {@code PADDOCK-2026-1a2b3c4d5e}
 * @param status     {@code testing} or {@code stable} (the channel it is published in)
 * @param type       {@code security}, {@code bugfix}, {@code enhancement}, {@code newpackage}
 * @param severity   {@code critical}, {@code important}, {@code moderate}, {@code low} or {@code none}
 * @param suggestion {@code none}, {@code reboot}, {@code restart} or {@code relogin}
 * @param issued     when it was submitted
 * @param updated    when it last changed (a push, an edit)
 * @param url        the update's page
 */
public record Advisory(long key, String id, String release, String status, String type, String severity, String title,
                       String notes, String suggestion, String submitter, Instant issued, Instant updated, String url,
                       List<Ref> references, List<Build> builds) {

    /**
     * A reference: {@code cve}, {@code bugzilla} or {@code url}.
     *
     * @param fixedIn names of the contained packages that fix it; empty means the whole update
     */
    public record Ref(String kind, String id, String title, String url, List<String> fixedIn) {
    }

    /**
     * A module build with the packages it contains.
     *
     * @param endOfLife the last day its module stream takes updates in this release, {@code null} when none is set
     */
    public record Build(String name, String stream, long version, String context, String arch, String summary,
                        String description, java.time.LocalDate endOfLife, List<Pkg> packages) {

        public String nsvca() {
            return name + ":" + stream + ":" + version + ":" + context + ":" + arch;
        }
    }

    /**
     * A contained package.
     *
     * @param kind      {@code rpm}, {@code gem}, {@code pypi}, {@code maven}, {@code npm} or {@code generic}
     * @param epoch     RPM epoch or {@code null}
     * @param release   RPM release or {@code null}
     * @param arch      RPM arch ({@code noarch}, {@code x86_64}, {@code src}…) or {@code null}
     * @param sourceRpm the source RPM's file name, or {@code null}
     * @param purl      the canonical package URL, e.g. {@code pkg:rpm/fedora/nginx@1.24.0-1.module_f45?arch=x86_64}
     */
    public record Pkg(String kind, String name, String epoch, String version, String release, String arch,
                      String sourceRpm, String sha256, String purl) {

        /** For RPMs: {@code name-version-release.arch.rpm}. */
        public String filename() {
            return name + "-" + version + "-" + release + "." + arch + ".rpm";
        }
    }
}
