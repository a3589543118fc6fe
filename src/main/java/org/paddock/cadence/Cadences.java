package org.paddock.cadence;

import org.paddock.platform.security.Permissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.paddock.platform.StoredValues;
import org.paddock.platform.ConflictException;
import org.paddock.platform.FieldError;
import org.paddock.platform.ForbiddenException;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.NotFoundException;
import org.paddock.platform.SqlTimes;
import org.paddock.platform.security.User;
import org.paddock.release.ModuleStream;
import org.paddock.release.Release;
import org.paddock.release.ReleaseRepository;
import org.paddock.release.ReleaseState;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where cadences and freezes are kept: a module stream's own cadence, else its release's, else
 * {@link Cadence#DEFAULT}. Policy editors and admins change them.
 */
@ApplicationScoped
public class Cadences {

    public static final List<String> SEVERITIES = Cadence.SEVERITIES;

    /** A release that is frozen as a whole (state {@code frozen}) is frozen until this far away instant. */
    static final Instant FOREVER = Instant.parse("9999-12-31T00:00:00Z");

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    ReleaseRepository releases;

    @Inject
    Clock clock;

    /** A cadence with where it comes from: {@code module stream}, {@code release} or {@code default}. */
    public record Effective(Cadence cadence, String source) {
    }

    /** What a person or a client sends: windows one per line as {@code <cron> <zone> <length>}. */
    public record Form(String mode, List<String> windows, Map<String, Integer> minDays, String fastTrack) {
    }

    public record FreezeView(long id, Instant start, Instant end, String reason, String by) {
    }

    public Effective forStream(long streamId) {
        return own("module_stream_id", streamId).map(c -> new Effective(c, "module stream"))
                .orElseGet(() -> {
                    Long releaseId = ((Number) em.createNativeQuery("select release_id from module_stream where id = ?")
                            .setParameter(1, streamId).getSingleResult()).longValue();
                    return forRelease(releaseId);
                });
    }

    public Effective forRelease(long releaseId) {
        return own("release_id", releaseId).map(c -> new Effective(c, "release"))
                .orElse(new Effective(Cadence.DEFAULT, "default"));
    }

    @SuppressWarnings("unchecked")
    private Optional<Cadence> own(String column, long id) {
        List<Object[]> rows = em.createNativeQuery("select mode, windows, days_critical, days_important, days_moderate,"
                + " days_low, days_none, fast_track from cadence where " + column + " = ?").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        Map<String, Integer> days = new LinkedHashMap<>();
        for (int i = 0; i < SEVERITIES.size(); i++) {
            days.put(SEVERITIES.get(i), ((Number) r[2 + i]).intValue());
        }
        List<Window> windows = ((String) r[1]).lines().filter(l -> !l.isBlank()).map(Window::parse).toList();
        return Optional.of(new Cadence(CadenceMode.valueOf(((String) r[0]).toUpperCase(java.util.Locale.ROOT)),
                windows, days, (String) r[7]));
    }

    /** Sets the stream's own cadence ({@code form == null}: back to following its release). */
    @Transactional
    public Effective saveForStream(ModuleStream stream, Form form, User by) {
        Permissions.requireEditCadence(by, "change the cadence of " + stream.getNameStream());
        if (form == null) {
            em.createNativeQuery("delete from cadence where module_stream_id = ?").setParameter(1, stream.getId())
                    .executeUpdate();
            return forStream(stream.getId());
        }
        upsert("module_stream_id", stream.getId(), check(form), by);
        return forStream(stream.getId());
    }

    /** Sets the release's cadence, the default of its module streams ({@code form == null}: back to Paddock's default). */
    @Transactional
    public Effective saveForRelease(Release release, Form form, User by) {
        Permissions.requireEditCadence(by, "change the cadence of " + release.getName());
        if (form == null) {
            em.createNativeQuery("delete from cadence where release_id = ?").setParameter(1, release.getId())
                    .executeUpdate();
            return forRelease(release.getId());
        }
        upsert("release_id", release.getId(), check(form), by);
        return forRelease(release.getId());
    }

    /** Validates a form into a cadence; every problem is named by its field. */
    public static Cadence check(Form form) {
        List<FieldError> errors = new ArrayList<>();
        CadenceMode mode = null;
        if (form.mode() == null || !List.of("immediate", "windows").contains(form.mode().strip())) {
            errors.add(new FieldError("mode", "must be immediate or windows, not '" + form.mode() + "'"));
        } else {
            mode = CadenceMode.valueOf(form.mode().strip().toUpperCase(java.util.Locale.ROOT));
        }
        List<Window> windows = new ArrayList<>();
        List<String> lines = form.windows() == null ? List.of() : form.windows();
        boolean any = false;
        for (int i = 0; i < lines.size(); i++) { // blank lines are skipped, but counted: windows[i] is the line typed
            String line = lines.get(i);
            if (line == null || line.isBlank()) {
                continue;
            }
            any = true;
            try {
                windows.add(Window.parse(line.strip()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("windows[" + i + "]", e.getMessage()));
            }
        }
        if (mode == CadenceMode.WINDOWS && !any) {
            errors.add(new FieldError("windows", "give at least one window, e.g. 0 14 * * TUE Europe/Prague 2h"));
        }
        Map<String, Integer> days = new LinkedHashMap<>();
        for (String s : SEVERITIES) {
            Integer d = form.minDays() == null ? null : form.minDays().get(s);
            if (d == null) {
                d = Cadence.DEFAULT.minDaysInTesting().get(s);
            }
            if (d < 0 || d > 365) {
                errors.add(new FieldError("minDays." + s, "must be between 0 and 365 days, not " + d));
            }
            days.put(s, d);
        }
        if (form.minDays() != null) {
            form.minDays().keySet().stream().filter(k -> !SEVERITIES.contains(k)).forEach(k ->
                    errors.add(new FieldError("minDays." + k, "is not a severity: use " + String.join(", ", SEVERITIES))));
        }
        String fast = form.fastTrack() == null || form.fastTrack().isBlank() || form.fastTrack().strip().equals("none")
                ? null : form.fastTrack().strip();
        if (fast != null && !List.of("critical", "important", "moderate", "low").contains(fast)) {
            errors.add(new FieldError("fastTrack", "must be critical, important, moderate, low or none, not '" + fast + "'"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        try {
            return new Cadence(mode, mode == CadenceMode.WINDOWS ? windows : List.of(), days, fast);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cadence", e.getMessage());
        }
    }

    private void upsert(String column, long id, Cadence c, User by) {
        String windows = String.join("\n", c.windows().stream().map(Window::text).toList());
        StoredValues.checkRow(em, "cadence", java.util.Map.of("windows", windows));
        em.createNativeQuery("delete from cadence where " + column + " = ?").setParameter(1, id).executeUpdate();
        em.createNativeQuery("insert into cadence (" + column + ", mode, windows, days_critical, days_important,"
                        + " days_moderate, days_low, days_none, fast_track, updated_at, updated_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, id).setParameter(2, c.mode().name().toLowerCase(java.util.Locale.ROOT))
                .setParameter(3, windows)
                .setParameter(4, c.minDaysInTesting().get("critical")).setParameter(5, c.minDaysInTesting().get("important"))
                .setParameter(6, c.minDaysInTesting().get("moderate")).setParameter(7, c.minDaysInTesting().get("low"))
                .setParameter(8, c.minDaysInTesting().get("none")).setParameter(9, c.fastTrackSeverity())
                .setParameter(10, java.sql.Timestamp.from(clock.instant())).setParameter(11, by.getId())
                .executeUpdate();
    }

    // --- freezes -----------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    public List<FreezeView> freezes(long releaseId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select f.id, f.starts_at, f.ends_at, f.reason, u.username from release_freeze f
                        join paddock_user u on u.id = f.created_by where f.release_id = ? order by f.starts_at""")
                .setParameter(1, releaseId).getResultList();
        return rows.stream().map(r -> new FreezeView(((Number) r[0]).longValue(), SqlTimes.instant(r[1]), SqlTimes.instant(r[2]),
                (String) r[3], (String) r[4])).toList();
    }

    @Transactional
    public FreezeView addFreeze(Release release, Instant start, Instant end, String reason, User by) {
        Permissions.requireEditCadence(by, "freeze " + release.getName());
        List<FieldError> errors = new ArrayList<>();
        if (start == null) {
            errors.add(new FieldError("start", "is required, e.g. 2026-12-01T00:00:00Z"));
        }
        if (end == null) {
            errors.add(new FieldError("end", "is required, e.g. 2026-12-15T00:00:00Z"));
        }
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("end", "must be after the start"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "is required, e.g. F45 final freeze"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        StoredValues.checkRow(em, "release_freeze", java.util.Map.of("reason", reason.strip(), "starts_at", start, "ends_at", end));
        Number id = (Number) em.createNativeQuery("""
                        insert into release_freeze (release_id, starts_at, ends_at, reason, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .setParameter(1, release.getId()).setParameter(2, java.sql.Timestamp.from(start))
                .setParameter(3, java.sql.Timestamp.from(end)).setParameter(4, reason.strip())
                .setParameter(5, by.getId()).setParameter(6, java.sql.Timestamp.from(clock.instant()))
                .getSingleResult();
        return new FreezeView(id.longValue(), start, end, reason.strip(), by.getUsername());
    }

    /**
     * Ends a freeze of the release now: one not yet begun is dropped, one under way ends at this moment (so the
     * record of it stays); one already over cannot be ended again.
     */
    @Transactional
    public void endFreeze(Release release, long id, User by) {
        Permissions.requireEditCadence(by, "end a freeze of " + release.getName());
        FreezeView f = freezes(release.getId()).stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("there is no freeze " + id + " in " + release.getName()));
        Instant now = clock.instant();
        if (!f.end().isAfter(now)) {
            throw new ConflictException("the freeze '" + f.reason() + "' is already over");
        }
        if (f.start().isAfter(now)) {
            em.createNativeQuery("delete from release_freeze where id = ?").setParameter(1, id).executeUpdate();
        } else {
            em.createNativeQuery("update release_freeze set ends_at = ? where id = ?")
                    .setParameter(1, java.sql.Timestamp.from(now)).setParameter(2, id).executeUpdate();
        }
    }

    /** What the eligibility rule needs to know of a release: archived, and the freezes (a frozen release is frozen for good). */
    public ReleaseFacts facts(Release release) {
        List<Freeze> list = new ArrayList<>(freezes(release.getId()).stream()
                .map(f -> new Freeze(f.start(), f.end(), f.reason())).toList());
        if (release.getState() == ReleaseState.FROZEN) {
            list.add(new Freeze(Instant.EPOCH, FOREVER, release.getName() + " is frozen"));
        }
        return new ReleaseFacts(release.getName(), release.getState() == ReleaseState.ARCHIVED, list);
    }

    public Release release(String name) {
        return releases.findByName(name).orElseThrow(() -> new NotFoundException("there is no release '" + name + "'"));
    }

}
