package org.paddock.update;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paddock.platform.ConflictException;
import org.paddock.platform.FieldError;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.NotFoundException;
import org.paddock.platform.security.Permissions;
import org.paddock.platform.security.User;
import org.paddock.release.Artifact;
import org.paddock.release.BuildDraft;
import org.paddock.release.BuildImporter;
import org.paddock.release.ModuleBuild;
import org.paddock.release.ModuleStream;
import org.paddock.release.Release;
import org.paddock.release.ReleaseRepository;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What maintainers do with updates: submit, edit, move through the life cycle, comment. */
@ApplicationScoped
public class UpdateService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    ReleaseRepository releases;

    @Inject
    BuildImporter importer;

    @Inject
    UpdateRepository updates;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<UpdateChanged> changed;

    @Inject
    org.paddock.platform.events.Outbox outbox;

    @Inject
    @ConfigProperty(name = "paddock.bugzilla.url", defaultValue = "https://bugzilla.redhat.com/show_bug.cgi?id=")
    String bugzillaUrl;

    @Transactional
    public ModuleUpdate submit(UpdateDraft draft, User caller) {
        Instant now = clock.instant();
        Release release = release(draft.release());
        if (!draft.hasBuilds()) {
            throw new InvalidInputException("builds", "an update needs at least one module build: give builds (NSVCAs), "
                    + "newBuilds (JSON) or modulemd (YAML)");
        }
        List<ModuleBuild> builds = builds(release, draft, caller);
        UpdateContent content = content(draft);
        List<ModuleUpdate.ReferenceDraft> refs = references(draft, builds);
        ModuleUpdate update = ModuleUpdate.submit(newAlias(release, now), release, builds, content, refs,
                em.merge(caller), now);
        em.persist(update);
        for (ModuleUpdate older : updates.olderActiveUpdatesOf(builds, update)) {
            // read again under a row lock: a decision recomputed after another commit may have changed it since
            em.refresh(older, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (!older.isActive()) {
                continue;
            }
            older.obsoleteBy(update, now);
            changed.fire(new UpdateChanged(older.getAlias(), "obsoleted by " + update.getAlias()));
        }
        outbox.emit(org.paddock.platform.events.Outbox.UPDATE_CREATED, update.getAlias(), Events.about(update), now);
        changed.fire(new UpdateChanged(update.getAlias(), "submitted"));
        return update;
    }

    @Transactional
    public ModuleUpdate edit(String alias, UpdateDraft draft, User caller) {
        Instant now = clock.instant();
        ModuleUpdate update = updates.byAlias(alias);
        Permissions.requireMaintain(caller, update.owners(), "edit " + alias);
        User by = em.merge(caller);
        if (draft.hasBuilds()) {
            List<ModuleBuild> builds = builds(update.getRelease(), draft, caller);
            update.replaceBuilds(builds, by, now);
        }
        update.edit(content(draft), references(draft, update.getBuilds()), by, now);
        changed.fire(new UpdateChanged(alias, draft.hasBuilds() ? "builds replaced" : "edited"));
        return update;
    }

    /** One of the life-cycle requests: testing, stable, unpush, revoke, or none (cancel the current request). */
    @Transactional
    public ModuleUpdate request(String alias, String request, String reason, User caller) {
        Instant now = clock.instant();
        ModuleUpdate update = updates.byAlias(alias);
        UpdateRequest r;
        try {
            r = UpdateRequest.fromWord(request);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("request", e.getMessage());
        }
        Permissions.requireMaintain(caller, update.owners(), "ask for " + r.word() + " on " + alias);
        User by = em.merge(caller);
        switch (r) {
            case TESTING -> update.requestTesting(by, now);
            case STABLE -> update.requestStable(by, now);
            case UNPUSH -> update.unpush(by, now);
            case REVOKE -> update.revoke(by, now, reason);
            case NONE -> update.cancelRequest(by, now);
        }
        changed.fire(new UpdateChanged(alias, "request " + r.word()));
        return update;
    }

    /** Holds an update where it is (its maintainers, policy editors, admins), or lifts the hold ({@code hold == false}). */
    @Transactional
    public ModuleUpdate hold(String alias, boolean hold, String reason, User caller) {
        ModuleUpdate update = updates.byAlias(alias);
        Permissions.requireHold(caller, update.owners(), (hold ? "hold " : "lift the hold on ") + alias);
        Instant now = clock.instant();
        if (hold) {
            update.hold(em.merge(caller), reason, now);
        } else {
            update.releaseHold(em.merge(caller), now);
        }
        changed.fire(new UpdateChanged(alias, hold ? "held" : "hold lifted"));
        return update;
    }

    /** Lets an update in testing go stable outside its cadence's windows: policy editors and admins, with a reason. */
    @Transactional
    public ModuleUpdate overrideWindow(String alias, String reason, User caller) {
        ModuleUpdate update = updates.byAlias(alias);
        Permissions.requireOverrideWindow(caller, "override the window of " + alias);
        update.overrideWindow(em.merge(caller), reason, clock.instant());
        return update;
    }

    @Transactional
    public Comment comment(String alias, String text, int karma, User caller) {
        ModuleUpdate update = updates.byAlias(alias);
        Comment c = update.comment(em.merge(caller), text, karma, clock.instant());
        if (karma != 0) {
            changed.fire(new UpdateChanged(alias, "karma " + (karma > 0 ? "+" : "") + karma));
        }
        return c;
    }

    // --- pieces ----------------------------------------------------------------------------------------

    private Release release(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("release", "is required, e.g. F45");
        }
        return releases.findByName(name.strip())
                .orElseThrow(() -> new InvalidInputException("release", "there is no release '" + name + "'"));
    }

    private List<ModuleBuild> builds(Release release, UpdateDraft draft, User caller) {
        List<ModuleBuild> builds = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < draft.builds().size(); i++) {
            String nsvca = draft.builds().get(i);
            var found = importer.findByNsvca(nsvca == null ? "" : nsvca.strip());
            var holder = found.flatMap(updates::updateOf);
            if (found.isEmpty()) {
                errors.add(new FieldError("builds[" + i + "]", "there is no module build '" + nsvca
                        + "' (name:stream:version:context:arch); import it first or send it in newBuilds"));
            } else if (holder.isPresent()) {
                errors.add(new FieldError("builds[" + i + "]", nsvca + " is already in update " + holder.get().getAlias()));
            } else if (builds.contains(found.get())) {
                errors.add(new FieldError("builds[" + i + "]", nsvca + " is given twice"));
            } else {
                builds.add(found.get());
            }
        }
        List<BuildDraft> drafts = new ArrayList<>(draft.newBuilds());
        int fromJson = drafts.size();
        if (draft.modulemd() != null && !draft.modulemd().isBlank()) {
            drafts.addAll(importer.fromModulemd(draft.modulemd()));
        }
        java.util.Set<String> given = new java.util.HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            String field = i < fromJson ? "newBuilds[" + i + "]" : "modulemd";
            if (!given.add(drafts.get(i).nsvca())) {
                errors.add(new FieldError(field, "module build " + drafts.get(i).nsvca() + " is given twice"));
                continue;
            }
            try {
                builds.add(importer.create(release, drafts.get(i), field, caller, draft.ownerGroup()));
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        for (ModuleStream s : streams(builds)) {
            try {
                org.paddock.release.ModuleStreams.requireAlive(s, clock.instant(), "builds");
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Permissions.requireMaintain(caller, ModuleStream.owned(streams(builds)), "submit builds of these module streams");
        // one change of a module stream's builds at a time: two newer builds arriving together would both obsolete
        // the same older update, and neither would see the other. Locked before anything that refers to the
        // stream is written (a new build's foreign key share-locks it: locking after that deadlocks); the
        // pusher skips a stream locked here until the next tick.
        builds.stream().map(ModuleBuild::getModuleStream).distinct()
                .sorted(java.util.Comparator.comparing(org.paddock.release.ModuleStream::getId))
                .forEach(s -> em.lock(s, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
        for (ModuleBuild b : builds) {
            if (b.getId() == null) {
                em.persist(b);
            }
        }
        return builds;
    }

    private static Set<ModuleStream> streams(List<ModuleBuild> builds) {
        Set<ModuleStream> s = new LinkedHashSet<>();
        builds.forEach(b -> s.add(b.getModuleStream()));
        return s;
    }

    private static UpdateContent content(UpdateDraft d) {
        List<FieldError> errors = new ArrayList<>();
        UpdateType type = FieldError.collect(errors, "type", () -> d.type() == null ? null : UpdateType.fromWord(d.type()));
        Severity severity = FieldError.collect(errors, "severity", () -> d.severity() == null ? Severity.NONE : Severity.fromWord(d.severity()));
        Suggestion suggestion = FieldError.collect(errors, "suggestion",
                () -> d.suggestion() == null ? Suggestion.NONE : Suggestion.fromWord(d.suggestion()));
        UpdateContent content = new UpdateContent(type, severity, d.title(), d.notes(), suggestion);
        if (type != null || errors.isEmpty()) {
            errors.addAll(content.problems());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return content;
    }

    private List<ModuleUpdate.ReferenceDraft> references(UpdateDraft d, List<ModuleBuild> builds) {
        List<FieldError> errors = new ArrayList<>();
        List<ModuleUpdate.ReferenceDraft> refs = new ArrayList<>();
        List<Artifact> contained = builds.stream().flatMap(b -> b.getArtifacts().stream()).toList();
        for (int i = 0; i < d.referencesOrEmpty().size(); i++) {
            UpdateDraft.ReferenceDraft r = d.referencesOrEmpty().get(i);
            String field = "references[" + i + "]";
            var checked = Reference.check(field, r.kind(), r.id(), r.title(), bugzillaUrl);
            if (checked.error().isPresent()) {
                errors.add(checked.error().get());
                continue;
            }
            Set<Artifact> fixed = new LinkedHashSet<>();
            for (String pkg : r.fixedIn()) {
                List<Artifact> match = contained.stream().filter(a -> matches(a, pkg)).toList();
                if (match.isEmpty()) {
                    errors.add(new FieldError(field + ".fixedIn", "'" + pkg + "' is not a package of this update"));
                }
                fixed.addAll(match);
            }
            refs.add(new ModuleUpdate.ReferenceDraft(checked.reference().get(), fixed));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return refs;
    }

    private static boolean matches(Artifact a, String pkg) {
        String p = pkg == null ? "" : pkg.strip();
        return p.equals(a.getName()) || p.equals(a.getPurl()) || (a.isRpm() && p.equals(a.nevra()));
    }

    private String newAlias(Release release, Instant now) {
        for (int attempt = 0; attempt < 10; attempt++) {
            byte[] b = new byte[5];
            RANDOM.nextBytes(b);
            String alias = release.getAliasPrefix() + "-" + now.atZone(ZoneOffset.UTC).getYear() + "-"
                    + HexFormat.of().formatHex(b);
            if (updates.findByAlias(alias).isEmpty()) {
                return alias;
            }
        }
        throw new ConflictException("could not find a free alias; try again");
    }

    public ModuleUpdate get(String alias) {
        return updates.byAlias(alias);
    }

    static NotFoundException notFound(String alias) {
        return new NotFoundException("there is no update " + alias);
    }
}
