package org.paddock.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.paddock.platform.AdminChanges;
import org.paddock.platform.FieldError;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.NotFoundException;
import org.paddock.platform.security.Group;
import org.paddock.platform.security.Permissions;
import org.paddock.platform.security.Role;
import org.paddock.platform.security.User;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Module streams come to exist the way packages do in Bodhi: when a maintainer imports the first build of a
 * {@code name:stream} in a release ({@link #findOrOpen}), owned by one of the maintainer's groups — the one they name,
 * else the one that owns the same module in another release, else their only group; admins make and change them
 * too ({@link #open}, {@link #edit}). A stream's life ends on its end-of-life day: after it, no new build or update
 * ({@link #requireAlive}). Every change is recorded in {@link AdminChanges}.
 */
@ApplicationScoped
public class ModuleStreams {

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AdminChanges changes;

    @Inject
    org.paddock.platform.security.Accounts accounts;

    /** What an admin gives for a stream; on an edit, {@code null} leaves a field as it is ({@code eol} "" removes it). */
    public record Form(String name, String stream, String summary, String ownerGroup, String eol) {
    }

    /** The one rule: a stream past its end of life takes no new build or update. */
    public static void requireAlive(ModuleStream s, Instant now, String field) {
        if (s.hasEnded(now)) {
            throw new InvalidInputException(field, s.getNameStream() + " in " + s.getRelease().getName()
                    + " reached its end of life on " + s.getEndOfLife() + ": it takes no new update");
        }
    }

    /**
     * The stream {@code name:stream} of {@code release}, made now — owned as the class says — when this is its first
     * build. {@code ownerGroup} may name the owner (the caller's group; any group for admins); {@code field} prefixes
     * the refusals.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ModuleStream findOrOpen(Release release, String name, String stream, String summary, User by,
                                   String ownerGroup, String field) {
        Optional<ModuleStream> found = release.getModuleStreams().stream()
                .filter(s -> s.getName().equals(name) && s.getStream().equals(stream)).findFirst();
        if (found.isPresent()) {
            requireAlive(found.get(), clock.instant(), field);
            return found.get();
        }
        if (release.getState() == ReleaseState.ARCHIVED) {
            throw new InvalidInputException(field, release.getName() + " is archived: it takes no new module stream");
        }
        Group owner = owner(release, name, stream, by, ownerGroup);
        return persist(release, name, stream, summary, owner, null, by);
    }

    private Group owner(Release release, String name, String stream, User by, String ownerGroup) {
        boolean admin = by != null && by.has(Role.ADMIN);
        if (ownerGroup != null && !ownerGroup.isBlank()) {
            Group g = group(ownerGroup.strip(), "ownerGroup");
            if (!admin && (by == null || !by.isMemberOf(g))) {
                throw new InvalidInputException("ownerGroup", (by == null ? "someone" : by.getUsername())
                        + " is not in group " + g.getName() + ": a new module stream goes to one of your own groups");
            }
            return g;
        }
        // the group that owns the same module in another release, newest first, if the caller may hand it over
        List<ModuleStream> elsewhere = em.createQuery("""
                        select s from ModuleStream s where s.name = :name and s.release <> :release
                        and s.ownerGroup is not null order by s.createdAt desc""", ModuleStream.class)
                .setParameter("name", name).setParameter("release", release).getResultList();
        for (ModuleStream s : elsewhere) {
            if (admin || (by != null && by.isMemberOf(s.getOwnerGroup()))) {
                return s.getOwnerGroup();
            }
        }
        List<Group> mine = by == null ? List.of() : by.getGroups().stream().sorted(Comparator.comparing(Group::getName)).toList();
        if (mine.size() == 1) {
            return mine.get(0);
        }
        throw new InvalidInputException("ownerGroup", mine.isEmpty()
                ? name + ":" + stream + " is new in " + release.getName() + " and " + (by == null ? "nobody" : by.getUsername())
                + " is in no group to own it: ask an admin to add you to one (or to make the stream)"
                : name + ":" + stream + " is new in " + release.getName() + ": say which of your groups owns it ("
                + String.join(", ", mine.stream().map(Group::getName).toList()) + ")");
    }

    /** An admin makes a stream (name, stream, summary, owner group, end of life not in the past). */
    @Transactional
    public ModuleStream open(Release release, Form form, User by) {
        Permissions.requireManageReleases(by, "make module streams");
        release = managed(release);
        List<FieldError> errors = new ArrayList<>();
        String name = form == null ? null : form.name();
        String stream = form == null ? null : form.stream();
        try {
            ModuleStream.requirePart("module name", name);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("name", e.getMessage()));
        }
        try {
            ModuleStream.requirePart("stream", stream);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("stream", e.getMessage()));
        }
        if (errors.isEmpty() && release.getModuleStreams().stream()
                .anyMatch(s -> s.getName().equals(name) && s.getStream().equals(stream))) {
            errors.add(new FieldError("stream", release.getName() + " already has " + name + ":" + stream));
        }
        Group owner = null;
        if (form == null || form.ownerGroup() == null || form.ownerGroup().isBlank()) {
            errors.add(new FieldError("ownerGroup", "is required: the group of maintainers that owns it"));
        } else {
            owner = group(form.ownerGroup(), errors);
        }
        LocalDate eol = form == null ? null : eol(form.eol(), errors);
        if (eol != null && eol.isBefore(clock.instant().atZone(ZoneOffset.UTC).toLocalDate())) {
            errors.add(new FieldError("eol", "is in the past (" + eol + "): a new stream's life has not ended"));
        }
        String summary = form == null || form.summary() == null ? "" : form.summary().strip();
        checkSummary(summary, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return persist(release, name, stream, summary, owner, eol, by);
    }

    /** An admin moves a stream to another group, rewrites its summary or sets (or ends) its life. */
    @Transactional
    public ModuleStream edit(Release release, String nameStream, Form form, User by) {
        Permissions.requireManageReleases(by, "change module streams");
        release = managed(release);
        ModuleStream s = stream(release, nameStream);
        if (form == null) {
            throw new InvalidInputException("body", "send the changes as JSON");
        }
        List<FieldError> errors = new ArrayList<>();
        Group owner = null;
        if (form.ownerGroup() != null) {
            owner = group(form.ownerGroup(), errors);
        }
        LocalDate eol = form.eol() == null || form.eol().isBlank() ? null : eol(form.eol(), errors);
        checkSummary(form.summary(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        String subject = release.getName() + "/" + s.getNameStream();
        if (owner != null) {
            changes.record(by.getId(), now, AdminChanges.Kind.MODULE_STREAM, subject, "ownerGroup",
                    s.getOwnerGroup() == null ? null : s.getOwnerGroup().getName(), owner.getName());
            s.ownedBy(owner);
        }
        if (form.summary() != null) {
            changes.record(by.getId(), now, AdminChanges.Kind.MODULE_STREAM, subject, "summary", s.getSummary(),
                    form.summary().strip());
            s.summarize(form.summary());
        }
        if (form.eol() != null) {
            changes.record(by.getId(), now, AdminChanges.Kind.MODULE_STREAM, subject, "eol",
                    s.getEndOfLife() == null ? null : s.getEndOfLife().toString(), eol == null ? null : eol.toString());
            s.endLifeOn(eol);
        }
        return s;
    }

    /**
     * An admin retires a stream: its life ends today, so from now on it takes no new update (yesterday becomes its
     * last day); an end of life already past is kept. Updates already made stay as they are, and its feeds stay.
     */
    @Transactional
    public ModuleStream retire(Release release, String nameStream, User by) {
        Permissions.requireManageReleases(by, "retire module streams");
        release = managed(release);
        ModuleStream s = stream(release, nameStream);
        Instant now = clock.instant();
        if (!s.hasEnded(now)) {
            LocalDate last = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
            changes.record(by.getId(), now, AdminChanges.Kind.MODULE_STREAM, release.getName() + "/" + s.getNameStream(),
                    "eol", s.getEndOfLife() == null ? null : s.getEndOfLife().toString(), last + " (retired)");
            s.endLifeOn(last);
        }
        return s;
    }

    /** The release as this transaction sees it (a page looks it up before the transaction begins). */
    private Release managed(Release release) {
        return em.contains(release) ? release : em.find(Release.class, release.getId());
    }

    private static ModuleStream stream(Release release, String nameStream) {
        return release.getModuleStreams().stream().filter(x -> x.getNameStream().equals(nameStream)).findFirst()
                .orElseThrow(() -> new NotFoundException(release.getName() + " has no module stream " + nameStream));
    }

    private ModuleStream persist(Release release, String name, String stream, String summary, Group owner,
                                 LocalDate eol, User by) {
        Instant now = clock.instant();
        ModuleStream s = release.addModuleStream(name, stream, summary, now);
        s.ownedBy(owner);
        s.endLifeOn(eol);
        em.persist(s);
        changes.record(by == null ? null : by.getId(), now, AdminChanges.Kind.MODULE_STREAM,
                release.getName() + "/" + s.getNameStream(), "created", null, "owned by " + owner.getName()
                        + (eol == null ? "" : ", end of life " + eol));
        return s;
    }

    /** The group an admin's form names, or null with the refusal added to {@code errors}. */
    private Group group(String name, List<FieldError> errors) {
        try {
            return group(name.strip(), "ownerGroup");
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static void checkSummary(String summary, List<FieldError> errors) {
        if (summary != null && summary.strip().length() > 500) {
            errors.add(new FieldError("summary", "must be at most 500 characters"));
        }
    }

    private Group group(String name, String field) {
        return accounts.groupByName(name)
                .orElseThrow(() -> new InvalidInputException(field, "there is no group '" + name + "'"));
    }

    private static LocalDate eol(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip());
            if (d.getYear() < 1 || d.getYear() > 9999) {
                throw new DateTimeParseException("year", text, 0);
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("eol", "write the last day it takes updates as 2027-05-31, not '" + text + "'"));
            return null;
        }
    }
}
