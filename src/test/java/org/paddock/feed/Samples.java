package org.paddock.feed;

import java.time.Instant;
import java.util.List;

/** Advisories for the feed writers' tests: a security one with a module, a plain bugfix, and one with odd text. */
final class Samples {

    private Samples() {
    }

    static final Instant ISSUED = Instant.parse("2026-11-20T09:15:30Z");
    static final Instant UPDATED = Instant.parse("2026-11-22T14:05:00Z");

    static Advisory security() {
        Advisory.Build nginx = new Advisory.Build("nginx", "1.24", 4520261101120000L, "9edba152", "x86_64",
                "A high performance web server", "nginx as a module", java.time.LocalDate.parse("2027-05-31"), List.of(
                new Advisory.Pkg("rpm", "nginx", "2", "1.24.0", "3.module_f45+123+9edba152", "x86_64",
                        "nginx-1.24.0-3.module_f45+123+9edba152.src.rpm", "a".repeat(64),
                        "pkg:rpm/fedora/nginx@1.24.0-3.module_f45%2B123%2B9edba152?arch=x86_64&epoch=2"),
                new Advisory.Pkg("rpm", "nginx-mod-http-perl", null, "1.24.0", "3.module_f45+123+9edba152", "x86_64",
                        "nginx-1.24.0-3.module_f45+123+9edba152.src.rpm", null,
                        "pkg:rpm/fedora/nginx-mod-http-perl@1.24.0-3.module_f45%2B123%2B9edba152?arch=x86_64"),
                new Advisory.Pkg("gem", "rack", null, "3.1.8", null, null, null, null, "pkg:gem/rack@3.1.8")));
        return new Advisory(1, "PADDOCK-2026-0a1b2c3d4e", "F45", "stable", "security", "important",
                "nginx: fix request smuggling", "Fixes **CVE-2026-21001**.", "restart", "alice", ISSUED, UPDATED,
                "https://paddock.example/update.xhtml?alias=PADDOCK-2026-0a1b2c3d4e",
                List.of(new Advisory.Ref("cve", "CVE-2026-21001", "", "https://www.cve.org/CVERecord?id=CVE-2026-21001",
                                List.of("nginx-mod-http-perl")),
                        new Advisory.Ref("bugzilla", "2300001", "request smuggling", "https://bugzilla.example/2300001",
                                List.of())),
                List.of(nginx));
    }

    static Advisory odd() {
        String notes = "control\u0001chars\u0008 ]]> <b>&amp; \"quotes\" Zürich — ✓ 日本 😀 lone\uD800surrogate\n"
                + "x".repeat(10_000);
        Advisory.Build pg = new Advisory.Build("postgresql", "16", 4520261201120000L, "0dec1510", "aarch64",
                "PostgreSQL]]>\u0002", "", null, List.of(new Advisory.Pkg("rpm", "postgresql", "0", "16.9", "1.module_f45",
                "aarch64", null, null, "pkg:rpm/fedora/postgresql@16.9-1.module_f45?arch=aarch64")));
        return new Advisory(2, "PADDOCK-2026-ffffffffff", "F45", "stable", "bugfix", "none",
                "odd \u0007 title ]]>", notes, "none", "bob", ISSUED, UPDATED,
                "https://paddock.example/update.xhtml?alias=PADDOCK-2026-ffffffffff", List.of(), List.of(pg));
    }
}
