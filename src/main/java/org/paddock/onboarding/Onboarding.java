package org.paddock.onboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.paddock.platform.AdminChanges;
import org.paddock.platform.Causes;
import org.paddock.platform.FieldError;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.security.Accounts;
import org.paddock.platform.security.Group;
import org.paddock.platform.security.People;
import org.paddock.platform.security.Permissions;
import org.paddock.platform.security.User;
import org.paddock.release.BuildDraft;
import org.paddock.release.BuildImporter;
import org.paddock.release.ModuleBuild;
import org.paddock.release.ModuleStream;
import org.paddock.release.ModuleStreams;
import org.paddock.release.Release;
import org.paddock.release.ReleaseRepository;
import org.paddock.release.Releases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Onboarding in bulk, admins only: the groups, releases and module streams of an {@link OnboardingFile}, and the module
 * builds of a repository's {@code modules.yaml}. Each new thing is made by the service that makes it one at a time
 * ({@link People#createGroup}, {@link Releases#create}, {@link ModuleStreams#open}, {@link BuildImporter#create}), so
 * its rules and its record in {@link AdminChanges} are theirs (a modules.yaml import adds one line to the release's
 * record: how many builds it brought); what exists already and is what the file says is left
 * alone ("unchanged": running an import twice changes nothing). All of an import is stored or none of it: the first
 * refusal names its path into the file and rolls everything back. A dry run does the same work and rolls it back,
 * answering the plan.
 */
@ApplicationScoped
public class Onboarding {

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    Onboarding self;

    @Inject
    Accounts accounts;

    @Inject
    People people;

    @Inject
    ReleaseRepository releases;

    @Inject
    Releases releaseService;

    @Inject
    ModuleStreams streams;

    @Inject
    BuildImporter importer;

    @Inject
    AdminChanges changes;

    @Inject
    Clock clock;

    /** One thing an import makes or leaves: {@code kind} group, member, release, stream or build; {@code action} create or unchanged. */
    public record Step(String kind, String subject, String action, String detail) implements java.io.Serializable {
    }

    /** What an import did, or would do ({@code dryRun}: nothing was stored). */
    public record Plan(boolean dryRun, int created, int unchanged, List<Step> steps) implements java.io.Serializable {
        static Plan of(boolean dryRun, List<Step> steps) {
            int created = (int) steps.stream().filter(s -> s.action().equals(CREATE)).count();
            return new Plan(dryRun, created, steps.size() - created, List.copyOf(steps));
        }
    }

    static final String CREATE = "create";
    static final String UNCHANGED = "unchanged";

    /** Ends a dry run's transaction with a rollback, carrying the plan out of it. */
    static final class DryRunEnd extends RuntimeException {
        final transient Plan plan;

        DryRunEnd(Plan plan) {
            super("dry run", null, false, false);
            this.plan = plan;
        }
    }

    /** Imports (or with {@code dryRun} plans) the groups, releases and module streams of an onboarding file. */
    public Plan importFile(String yaml, boolean dryRun, User by) {
        Permissions.requireManageReleases(by, "import releases and module streams");
        OnboardingFile file = OnboardingFile.parse(yaml);
        return planned(() -> self.apply(file, dryRun, by));
    }

    /**
     * Imports (or plans) the module builds of a repository's {@code modules.yaml} into release {@code name}: builds
     * known already are left alone; a build of a stream new to the release makes the stream, owned as
     * {@link ModuleStreams#findOrOpen} says ({@code ownerGroup} when given, else the group owning the module in another
     * release).
     */
    public Plan importModules(String name, String modulesYaml, String ownerGroup, boolean dryRun, User by) {
        Permissions.requireManageReleases(by, "import a repository's module builds");
        List<BuildDraft> drafts = importer.fromModulemd(modulesYaml);
        return planned(() -> self.applyModules(name, drafts, ownerGroup, dryRun, by));
    }

    private static Plan planned(Supplier<Plan> run) {
        try {
            return run.get();
        } catch (RuntimeException e) {
            Optional<DryRunEnd> end = Causes.find(e, DryRunEnd.class);
            if (end.isPresent()) {
                return end.get().plan;
            }
            throw e;
        }
    }

    /** The work of {@link #importFile} in one transaction (public for the transaction's interceptor). */
    @Transactional
    public Plan apply(OnboardingFile file, boolean dryRun, User by) {
        List<Step> steps = new ArrayList<>();
        for (OnboardingFile.GroupEntry g : file.groups()) {
            group(g, by, steps);
        }
        for (OnboardingFile.ReleaseEntry r : file.releases()) {
            release(r, by, steps);
        }
        return done(dryRun, steps);
    }

    /** The work of {@link #importModules} in one transaction (public for the transaction's interceptor). */
    @Transactional
    public Plan applyModules(String name, List<BuildDraft> drafts, String ownerGroup, boolean dryRun, User by) {
        Release release = releaseService.byName(name);
        List<Step> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            BuildDraft d = drafts.get(i);
            String field = "modulemd[" + i + "]";
            if (!seen.add(d.nsvca())) {
                throw new InvalidInputException(field, "module build " + d.nsvca() + " is in the file twice");
            }
            Optional<ModuleBuild> known = importer.findByNsvca(d.nsvca());
            if (known.isPresent()) {
                steps.add(new Step("build", d.nsvca(), UNCHANGED, "known already, in "
                        + known.get().getModuleStream().getRelease().getName()));
                continue;
            }
            boolean newStream = stream(release, d.name(), d.stream()).isEmpty();
            ModuleBuild b = importer.create(release, d, field, by, ownerGroup);
            em.persist(b);
            if (newStream) {
                steps.add(new Step("stream", release.getName() + "/" + b.getModuleStream().getNameStream(), CREATE,
                        "owned by " + b.getModuleStream().getOwnerGroup().getName()));
            }
            steps.add(new Step("build", b.nsvca(), CREATE, b.getArtifacts().size() + " package(s)"));
        }
        long builds = steps.stream().filter(s -> s.kind().equals("build") && s.action().equals(CREATE)).count();
        if (builds > 0) {
            changes.record(by.getId(), clock.instant(), AdminChanges.Kind.RELEASE, release.getName(), "modulesImported",
                    null, builds + " module build(s) from a modules.yaml");
        }
        return done(dryRun, steps);
    }

    private void group(OnboardingFile.GroupEntry g, User by, List<Step> steps) {
        Optional<Group> found = accounts.groupByName(g.name());
        if (found.isPresent()) {
            refuse(OnboardingFile.differences(g, found.get()));
            steps.add(new Step("group", g.name(), UNCHANGED, null));
        } else {
            at(g.path(), () -> people.createGroup(by, g.name(), g.description()));
            steps.add(new Step("group", g.name(), CREATE, g.description()));
        }
        for (int i = 0; i < g.members().size(); i++) {
            String username = g.members().get(i).strip();
            String field = g.path() + ".members[" + i + "]";
            User u = accounts.byUsername(username)
                    .orElseThrow(() -> new InvalidInputException(field, "there is no user '" + username + "'"));
            boolean member = found.isPresent() && u.isMemberOf(found.get());
            if (!member) {
                people.addMember(by, g.name(), username);
            }
            steps.add(new Step("member", g.name() + "/" + username, member ? UNCHANGED : CREATE, null));
        }
    }

    private void release(OnboardingFile.ReleaseEntry e, User by, List<Step> steps) {
        Optional<Release> found = releases.findByName(e.name());
        Release r;
        if (found.isPresent()) {
            r = found.get();
            refuse(OnboardingFile.differences(e, r));
            steps.add(new Step("release", r.getName(), UNCHANGED, null));
        } else {
            r = at(e.path(), () -> releaseService.create(new Releases.Form(e.name(), e.longName(), e.state(),
                    e.aliasPrefix()), by));
            steps.add(new Step("release", r.getName(), CREATE, r.getLongName() + ", " + r.getState().word()
                    + ", advisories " + r.getAliasPrefix() + "-…"));
        }
        for (OnboardingFile.StreamEntry s : e.streams()) {
            Optional<ModuleStream> held = stream(r, s.name(), s.stream());
            if (held.isPresent()) {
                refuse(OnboardingFile.differences(s, held.get()));
                steps.add(new Step("stream", r.getName() + "/" + s.nameStream(), UNCHANGED, null));
            } else {
                ModuleStream made = at(s.path(), () -> streams.open(r, new ModuleStreams.Form(s.name(), s.stream(),
                        s.summary(), s.ownerGroup(), s.eol()), by));
                steps.add(new Step("stream", r.getName() + "/" + made.getNameStream(), CREATE, "owned by "
                        + made.getOwnerGroup().getName() + (made.getEndOfLife() == null ? ""
                        : ", end of life " + made.getEndOfLife())));
            }
        }
    }

    private static Optional<ModuleStream> stream(Release r, String name, String stream) {
        return r.getModuleStreams().stream().filter(s -> s.getName().equals(name) && s.getStream().equals(stream))
                .findFirst();
    }

    private static Plan done(boolean dryRun, List<Step> steps) {
        Plan plan = Plan.of(dryRun, steps);
        if (dryRun) {
            throw new DryRunEnd(plan);
        }
        return plan;
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** What {@code make} gives; its refusals' fields as paths into the file under {@code path}. */
    private static <T> T at(String path, Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.errors().stream()
                    .map(f -> new FieldError(f.field().isEmpty() ? path : path + "." + f.field(), f.reason())).toList());
        }
    }
}
