package org.paddock.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.paddock.platform.AdminChanges;
import org.paddock.platform.ConflictException;
import org.paddock.platform.FieldError;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.NotFoundException;
import org.paddock.platform.security.Permissions;
import org.paddock.platform.security.User;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Releases as admins make them: create one (name, long name, state, the prefix of its advisories' ids), edit it,
 * and copy one's module streams with their owners into a new one ({@link #copyStreams}; the cadences are copied by
 * the cadence feature, which sits above this one). Every change is recorded in {@link AdminChanges}.
 */
@ApplicationScoped
public class Releases {

    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,39}");
    static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9-]{0,31}");

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    ReleaseRepository releases;

    @Inject
    AdminChanges changes;

    @Inject
    Clock clock;

    /** What an admin types for a release; on an edit, {@code null} leaves a field as it is. */
    public record Form(String name, String longName, String state, String aliasPrefix) {
    }

    /** A new release; refusals name the field and nothing is stored. */
    @Transactional
    public Release create(Form form, User by) {
        Permissions.requireManageReleases(by, "create releases");
        List<FieldError> errors = new ArrayList<>();
        String name = form == null || form.name() == null ? "" : form.name().strip();
        if (!NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "must start with a letter and hold only letters, digits and . _ - "
                    + "(at most 40 characters), e.g. F46 or EL9"));
        } else if (releases.findByName(name).isPresent()) {
            errors.add(new FieldError("name", "there is already a release '" + name + "'"));
        }
        String longName = longName(form == null ? null : form.longName(), errors);
        ReleaseState state = state(form == null || form.state() == null ? "pending" : form.state(), errors);
        String prefix = prefix(form == null ? null : form.aliasPrefix(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        Release r = new Release(name, longName, state, prefix, now);
        em.persist(r);
        changes.record(by.getId(), now, AdminChanges.Kind.RELEASE, name, "created", null,
                longName + ", " + state.word() + ", " + prefix);
        return r;
    }

    /** Changes what {@code form} gives of release {@code name}: long name, state, alias prefix. */
    @Transactional
    public Release edit(String name, Form form, User by) {
        Permissions.requireManageReleases(by, "edit releases");
        Release r = byName(name);
        if (form == null) {
            throw new InvalidInputException("body", "send the changes as JSON");
        }
        if (form.name() != null && !form.name().strip().equals(r.getName())) {
            throw new InvalidInputException("name", "a release keeps its name; create a new one (or branch) instead");
        }
        List<FieldError> errors = new ArrayList<>();
        String longName = form.longName() == null ? null : longName(form.longName(), errors);
        ReleaseState state = form.state() == null ? null : state(form.state(), errors);
        String prefix = form.aliasPrefix() == null ? null : prefix(form.aliasPrefix(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        if (state != null) {
            ReleaseState before = r.getState();
            try {
                r.moveTo(state);
            } catch (IllegalStateException e) {
                throw new ConflictException(e.getMessage());
            }
            changes.record(by.getId(), now, AdminChanges.Kind.RELEASE, r.getName(), "state", before.word(), state.word());
        }
        if (longName != null) {
            changes.record(by.getId(), now, AdminChanges.Kind.RELEASE, r.getName(), "longName", r.getLongName(), longName);
            r.describe(longName);
        }
        if (prefix != null) {
            changes.record(by.getId(), now, AdminChanges.Kind.RELEASE, r.getName(), "aliasPrefix", r.getAliasPrefix(), prefix);
            r.prefixAliases(prefix);
        }
        return r;
    }

    /** Copies {@code from}'s module streams (summary, owner group) into {@code to}; returns the new streams. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ModuleStream> copyStreams(Release from, Release to, User by) {
        Instant now = clock.instant();
        List<ModuleStream> copies = new ArrayList<>();
        for (ModuleStream s : from.getModuleStreams()) {
            ModuleStream copy = to.addModuleStream(s.getName(), s.getStream(), s.getSummary(), now);
            copy.ownedBy(s.getOwnerGroup());
            em.persist(copy);
            copies.add(copy);
        }
        changes.record(by.getId(), now, AdminChanges.Kind.RELEASE, to.getName(), "branchedFrom", null,
                from.getName() + " (" + copies.size() + " module stream(s))");
        return copies;
    }

    public Release byName(String name) {
        return releases.findByName(name).orElseThrow(() -> new NotFoundException("there is no release '" + name + "'"));
    }

    private static String longName(String given, List<FieldError> errors) {
        String v = given == null ? "" : given.strip();
        if (v.isEmpty()) {
            errors.add(new FieldError("longName", "is required, e.g. Fedora 46"));
        } else if (v.length() > 200) {
            errors.add(new FieldError("longName", "must be at most 200 characters"));
        }
        return v;
    }

    private static ReleaseState state(String given, List<FieldError> errors) {
        return FieldError.collect(errors, "state", () -> ReleaseState.fromWord(given.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    private static String prefix(String given, List<FieldError> errors) {
        String v = given == null ? "" : given.strip();
        if (v.isEmpty()) {
            errors.add(new FieldError("aliasPrefix", "is required: the start of its advisories' ids, e.g. FEDORA"));
        } else if (!PREFIX.matcher(v).matches()) {
            errors.add(new FieldError("aliasPrefix", "must be capital letters, digits and dashes starting with a letter"
                    + " (at most 32), e.g. FEDORA or FEDORA-EPEL, not '" + v + "'"));
        }
        return v;
    }
}
