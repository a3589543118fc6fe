package org.paddock.update;

import org.paddock.platform.security.Group;
import org.paddock.platform.security.Role;
import org.paddock.platform.security.User;
import org.paddock.release.Artifact;
import org.paddock.release.ModuleBuild;
import org.paddock.release.ModuleStream;
import org.paddock.release.Release;
import org.paddock.release.ReleaseState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Plain objects for the update rules: a release with nginx:1.24, its builds, and people. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    final Group nginxMaintainers = new Group("nginx-maintainers", "");
    final User alice = user("alice", Role.MAINTAINER);
    final User bob = user("bob", Role.MAINTAINER);
    final User carol = user("carol", Role.MAINTAINER);
    final User dave = user("dave", Role.MAINTAINER);
    final User erin = user("erin", Role.POLICY_EDITOR);
    final Release f45 = new Release("F45", "Fedora 45", ReleaseState.CURRENT, T0);
    final ModuleStream nginx = f45.addModuleStream("nginx", "1.24", "web server", T0);
    final ModuleStream ruby = f45.addModuleStream("ruby", "3.3", "ruby", T0);

    private User user(String name, Role role) {
        return new User(name, name, name + "@example.org", "hash", Set.of(role), Set.of(nginxMaintainers), T0);
    }

    ModuleBuild build(ModuleStream stream, long version, String... rpmNames) {
        ModuleBuild b = new ModuleBuild(stream, version, "abcd1234", "x86_64", stream.getSummary(), "", T0);
        for (String name : rpmNames) {
            b.addArtifact(new Artifact.Spec("rpm", name, null, "1.24.0", "1.module_f45+" + version, "x86_64",
                    name + "-1.24.0-1.src.rpm", null, "pkg:rpm/fedora/" + name + "@1.24.0-1?arch=x86_64"));
        }
        return b;
    }

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static UpdateContent bugfix(String title) {
        return new UpdateContent(UpdateType.BUGFIX, Severity.NONE, title, "Fixes things.", Suggestion.NONE);
    }

    static UpdateContent security(Severity severity) {
        return new UpdateContent(UpdateType.SECURITY, severity, "Security fix", "Fixes a CVE.", Suggestion.RESTART);
    }

    static ModuleUpdate.ReferenceDraft cve(String id, Artifact... fixedIn) {
        Reference r = Reference.check("references[0]", "cve", id, "", "https://bugzilla.example/").reference().orElseThrow();
        return new ModuleUpdate.ReferenceDraft(r, Set.of(fixedIn));
    }

    ModuleUpdate submit(String alias, ModuleBuild build, UpdateContent content, ModuleUpdate.ReferenceDraft... refs) {
        return ModuleUpdate.submit(alias, f45, List.of(build), content, List.of(refs), alice, T0);
    }
}
