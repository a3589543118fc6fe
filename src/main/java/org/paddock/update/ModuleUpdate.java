package org.paddock.update;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.paddock.platform.ConflictException;
import org.paddock.platform.InvalidInputException;
import org.paddock.release.Artifact;
import org.paddock.release.ModuleBuild;
import org.paddock.release.Release;
import org.paddock.platform.security.User;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A module update: one or more module builds of one release, with their advisory data, moving through
 * its life cycle. Every state change is a verb here that refuses an illegal move with one message and
 * records what changed in the history.
 *
 * <pre>
 *   pending --requestTesting--> (push) --> testing --requestStable--> (push) --> stable
 *   testing --unpush--> (push) --> unpushed --requestTesting--> ...
 *   pending --revoke--> revoked;  testing --revoke--> (push) --> revoked
 *   pending|testing --obsolete--> obsolete   (a newer build of the same module stream was submitted)
 * </pre>
 */
@Entity(name = "ModuleUpdate")
@Table(name = "module_update")
public class ModuleUpdate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String alias;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "release_id")
    private Release release;

    @Column(nullable = false, length = 16)
    private UpdateType type;

    @Column(nullable = false, length = 16)
    private Severity severity;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false)
    private String notes;

    @Column(nullable = false, length = 16)
    private Suggestion suggestion;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "submitter_id")
    private User submitter;

    @Column(nullable = false, length = 16)
    private UpdateStatus status;

    @Column(nullable = false, length = 16)
    private UpdateRequest request;

    @Column(nullable = false)
    private int karma;

    @Column(name = "karma_reset_at", nullable = false)
    private Instant karmaResetAt;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @Column(name = "testing_at")
    private Instant testingAt;

    @Column(name = "stable_at")
    private Instant stableAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "obsoleted_by_id")
    private ModuleUpdate obsoletedBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private int rowVersion;

    /** The gating status at the gate this update stands before; kept by the gating decisions, not a user edit. */
    @Column(length = 16)
    @org.hibernate.annotations.OptimisticLock(excluded = true)
    private String gating;

    /** Why the update must not move on its own, or {@code null}. */
    @Column(name = "hold_reason", length = 1000)
    private String holdReason;

    /** A policy editor's reason for letting the update go stable outside its cadence's windows, or {@code null}. */
    @Column(name = "window_override", length = 1000)
    private String windowOverride;

    /** The stream whose cadence the update follows and whose push moves it: see {@link #getCadenceStream()}. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cadence_stream_id", nullable = false)
    private org.paddock.release.ModuleStream cadenceStream;

    @ManyToMany
    @JoinTable(name = "update_build", joinColumns = @JoinColumn(name = "update_id"),
            inverseJoinColumns = @JoinColumn(name = "module_build_id"))
    @OrderBy("name, stream, version")
    private List<ModuleBuild> builds = new ArrayList<>();

    @OneToMany(mappedBy = "update", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("kind, refId")
    private List<UpdateReference> references = new ArrayList<>();

    @OneToMany(mappedBy = "update", cascade = CascadeType.PERSIST)
    @OrderBy("createdAt, id")
    private List<Comment> comments = new ArrayList<>();

    @OneToMany(mappedBy = "update", cascade = CascadeType.PERSIST)
    @OrderBy("at, id")
    private List<HistoryEntry> history = new ArrayList<>();

    protected ModuleUpdate() {
    }

    /** A new update, pending, asking to go to testing. The caller has checked access and input. */
    public static ModuleUpdate submit(String alias, Release release, List<ModuleBuild> builds, UpdateContent content,
                                      List<ReferenceDraft> references, User submitter, Instant now) {
        requireValid(content);
        ModuleUpdate u = new ModuleUpdate();
        u.alias = Objects.requireNonNull(alias);
        u.release = Objects.requireNonNull(release);
        u.submitter = Objects.requireNonNull(submitter);
        u.apply(content);
        u.setBuilds(builds);
        u.setReferences(references);
        u.status = UpdateStatus.PENDING;
        u.request = UpdateRequest.TESTING;
        u.submittedAt = now;
        u.modifiedAt = now;
        u.karmaResetAt = now;
        u.record(submitter, now, "status", null, "pending", "submitted");
        u.record(submitter, now, "request", null, "testing", "submitted");
        return u;
    }

    /** A reference as submitted, with the contained packages that fix it (empty: the whole update). */
    public record ReferenceDraft(Reference reference, Set<Artifact> fixedIn) {
    }

    // --- editing ---------------------------------------------------------------------------------------

    /** Changes the words and references; the builds stay. */
    public void edit(UpdateContent content, List<ReferenceDraft> refs, User by, Instant now) {
        requireEditable();
        requireValid(content);
        recordChange(by, now, "type", type.word(), content.type().word());
        recordChange(by, now, "severity", severity.word(), content.severity().word());
        recordChange(by, now, "title", title, content.title());
        recordChange(by, now, "notes", notes.equals(content.notes()) ? null : "(previous notes)",
                notes.equals(content.notes()) ? null : "(new notes)");
        recordChange(by, now, "suggestion", suggestion.word(), content.suggestion().word());
        String before = referenceList();
        apply(content);
        setReferences(refs);
        recordChange(by, now, "references", before, referenceList());
        modifiedAt = now;
    }

    /**
     * Replaces the builds. Karma starts again from zero and the update goes back to testing: the next
     * push publishes the new builds there, and the days in testing count from then.
     */
    public void replaceBuilds(List<ModuleBuild> newBuilds, User by, Instant now) {
        requireEditable();
        String before = buildList();
        setBuilds(newBuilds);
        String after = buildList();
        if (before.equals(after)) {
            return;
        }
        record(by, now, "builds", before, after, "builds changed");
        resetKarma(by, now, "builds changed");
        if (status == UpdateStatus.UNPUSHED) {
            move(by, now, UpdateStatus.PENDING, "builds changed");
        }
        ask(by, now, UpdateRequest.TESTING, "builds changed");
        modifiedAt = now;
    }

    // --- requests ------------------------------------------------------------------------------------

    /**
     * Why this update cannot take the request now, in the words its verb refuses with; empty when it can. The verbs
     * below refuse with it and the update page offers its buttons by it, so the two never disagree.
     */
    public Optional<String> refusalOf(UpdateRequest asked) {
        return Optional.ofNullable(switch (asked) {
            case TESTING -> switch (status) {
                case PENDING, UNPUSHED -> request == UpdateRequest.TESTING ? "already asks to go to testing" : null;
                case TESTING -> "is already in testing";
                default -> inState("go to testing");
            };
            case STABLE -> switch (status) {
                case TESTING -> request == UpdateRequest.STABLE ? "already asks to go to stable"
                        : request == UpdateRequest.UNPUSH ? "asks to be unpushed; cancel that request first"
                        : request == UpdateRequest.REVOKE ? "asks to be revoked; cancel that request first"
                        : request == UpdateRequest.TESTING
                        ? NEW_BUILDS_FIRST : null;
                case PENDING -> "is pending: it must be in testing before it can go to stable";
                case UNPUSHED -> "was unpushed: request testing again first";
                default -> inState("go to stable");
            };
            case NONE -> request == UpdateRequest.NONE ? "asks for nothing, so there is no request to cancel" : null;
            case UNPUSH -> status == UpdateStatus.STABLE ? "is stable: a stable update cannot be unpushed"
                    : status != UpdateStatus.TESTING ? "is " + status.word() + ": only an update in testing can be unpushed"
                    : request == UpdateRequest.UNPUSH ? "already asks to be unpushed" : null;
            case REVOKE -> switch (status) {
                case PENDING -> null;
                case TESTING -> request == UpdateRequest.REVOKE ? "already asks to be revoked" : null;
                case STABLE -> "is stable: a stable update cannot be revoked; submit a new update instead";
                default -> inState("be revoked");
            };
        });
    }

    /** Why its words and builds cannot be edited now; empty when they can. */
    public Optional<String> editRefusal() {
        return status == UpdateStatus.STABLE || status == UpdateStatus.OBSOLETE || status == UpdateStatus.REVOKED
                ? Optional.of("is " + status.word() + " and cannot be edited; submit a new update instead")
                : Optional.empty();
    }

    public void requestTesting(User by, Instant now) {
        refuseUnless(UpdateRequest.TESTING);
        ask(by, now, UpdateRequest.TESTING, "requested by " + by.getUsername());
    }

    public void requestStable(User by, Instant now) {
        refuseUnless(UpdateRequest.STABLE);
        ask(by, now, UpdateRequest.STABLE, "requested by " + by.getUsername());
    }

    /** Withdraws whatever was asked for; the update stays where it is. */
    public void cancelRequest(User by, Instant now) {
        refuseUnless(UpdateRequest.NONE);
        ask(by, now, UpdateRequest.NONE, "request cancelled by " + by.getUsername());
    }

    /** Takes the update out of testing at the next push. */
    public void unpush(User by, Instant now) {
        refuseUnless(UpdateRequest.UNPUSH);
        ask(by, now, UpdateRequest.UNPUSH, "unpush requested by " + by.getUsername());
    }

    /** Withdraws the update for good: at once while pending, at the next push while in testing. */
    public void revoke(User by, Instant now, String reason) {
        refuseUnless(UpdateRequest.REVOKE);
        if (status == UpdateStatus.PENDING) {
            String why = reason == null || reason.isBlank() ? "revoked by " + by.getUsername() : reason;
            ask(by, now, UpdateRequest.NONE, why);
            move(by, now, UpdateStatus.REVOKED, why);
        } else {
            ask(by, now, UpdateRequest.REVOKE, reason == null || reason.isBlank()
                    ? "revoke requested by " + by.getUsername() : reason);
        }
    }

    private void refuseUnless(UpdateRequest asked) {
        refusalOf(asked).ifPresent(why -> {
            throw refused(why);
        });
    }

    /** A newer update of the same module stream replaces this one; it keeps this one's references. */
    public void obsoleteBy(ModuleUpdate newer, Instant now) {
        if (!isActive()) {
            throw refusedInState("be obsoleted");
        }
        String why = "obsoleted by " + newer.alias;
        ask(null, now, UpdateRequest.NONE, why);
        move(null, now, UpdateStatus.OBSOLETE, why);
        obsoletedBy = newer;
        newer.inheritFrom(this, now);
    }

    /** Carries over what the obsoleted update said: its references, and its security type and severity if higher. */
    private void inheritFrom(ModuleUpdate older, Instant now) {
        String before = referenceList();
        Map<String, Artifact> byName = new HashMap<>();
        builds.forEach(b -> b.getArtifacts().forEach(a -> byName.putIfAbsent(a.getName(), a)));
        for (UpdateReference ref : older.references) {
            if (references.stream().noneMatch(r -> r.value().sameAs(ref.value()))) {
                Set<Artifact> fixed = ref.getFixedIn().stream().map(a -> byName.get(a.getName()))
                        .filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
                references.add(new UpdateReference(this, ref.value(), fixed));
            }
        }
        String why = "inherited from obsoleted " + older.alias;
        recordChange(null, now, "references", before, referenceList(), why);
        if (older.type == UpdateType.SECURITY && (type != UpdateType.SECURITY || older.severity.isMoreSevereThan(severity))) {
            recordChange(null, now, "type", type.word(), UpdateType.SECURITY.word(), why);
            recordChange(null, now, "severity", severity.word(), older.severity.word(), why);
            type = UpdateType.SECURITY;
            severity = older.severity;
        }
    }

    /**
     * The pusher carries out a move the eligibility rule allowed: to testing (from pending or unpushed), to stable
     * (from testing), or an unpush/revoke asked for. Any request is fulfilled; a window override is used up.
     */
    public void pushTo(UpdateStatus to, String why, Instant now) {
        boolean allowed = switch (to) {
            case TESTING -> status == UpdateStatus.PENDING || status == UpdateStatus.UNPUSHED || hasBuildsWaitingForTesting();
            case STABLE -> status == UpdateStatus.TESTING;
            case UNPUSHED, REVOKED -> status == UpdateStatus.TESTING;
            default -> false;
        };
        if (!allowed) {
            throw refused("is " + status.word() + ": a push cannot move it to " + to.word());
        }
        if (to == UpdateStatus.STABLE && hasBuildsWaitingForTesting()) {
            throw refused(NEW_BUILDS_FIRST);
        }
        move(null, now, to, why);
        switch (to) {
            case TESTING -> testingAt = now;
            case STABLE -> stableAt = now;
            default -> {
            }
        }
        if (request != UpdateRequest.NONE) {
            ask(null, now, UpdateRequest.NONE, why);
        }
        if (windowOverride != null && to == UpdateStatus.STABLE) {
            windowOverride = null;
        }
    }

    /** Keeps the update where it is until the hold is lifted: the pusher leaves it alone. */
    public void hold(User by, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the update must wait");
        }
        if (reason.length() > 1000) {
            throw new InvalidInputException("reason", "must be at most 1000 characters");
        }
        if (status != UpdateStatus.PENDING && status != UpdateStatus.TESTING) {
            throw refusedInState("be held");
        }
        record(by, now, "hold", holdReason, reason.strip(), "held by " + by.getUsername());
        holdReason = reason.strip();
        modifiedAt = now;
    }

    public void releaseHold(User by, Instant now) {
        if (holdReason == null) {
            throw refused("is not held");
        }
        record(by, now, "hold", holdReason, null, "hold lifted by " + by.getUsername());
        holdReason = null;
        modifiedAt = now;
    }

    /** A policy editor lets the update go stable outside its windows (days in testing and gating still apply). */
    public void overrideWindow(User by, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the update may skip its window");
        }
        if (reason.length() > 1000) {
            throw new InvalidInputException("reason", "must be at most 1000 characters");
        }
        if (status != UpdateStatus.TESTING) {
            throw refused("is " + status.word() + ": only an update in testing can skip its window");
        }
        record(by, now, "window override", windowOverride, reason.strip(), "window overridden by " + by.getUsername());
        windowOverride = reason.strip();
        modifiedAt = now;
    }

    public String getHoldReason() {
        return holdReason;
    }

    public String getWindowOverride() {
        return windowOverride;
    }

    // --- comments and karma --------------------------------------------------------------------------

    /**
     * Adds a comment with a karma vote. Only each person's latest vote since the builds last changed
     * counts, and the submitter's own vote counts zero.
     */
    public Comment comment(User author, String text, int vote, Instant now) {
        if (vote < -1 || vote > 1) {
            throw new InvalidInputException("karma", "must be -1, 0 or 1, not " + vote);
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() && vote == 0) {
            throw new InvalidInputException("text", "a comment needs text or a karma vote");
        }
        if (body.length() > 10_000) {
            throw new InvalidInputException("text", "must be at most 10000 characters, not " + body.length());
        }
        Comment c = new Comment(this, author, body, vote, now);
        comments.add(c);
        int before = karma;
        karma = countKarma();
        if (karma != before) {
            record(author, now, "karma", String.valueOf(before), String.valueOf(karma),
                    author.getUsername() + " voted " + (vote > 0 ? "+1" : String.valueOf(vote)));
        }
        modifiedAt = now;
        return c;
    }

    private int countKarma() {
        Map<User, Integer> latest = new HashMap<>();
        comments.stream()
                .filter(c -> !c.getCreatedAt().isBefore(karmaResetAt))
                .filter(c -> !c.getAuthor().equals(submitter))
                .sorted(Comparator.comparing(Comment::getCreatedAt))
                .forEach(c -> latest.put(c.getAuthor(), c.getKarma()));
        return latest.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void resetKarma(User by, Instant now, String why) {
        if (karma != 0) {
            record(by, now, "karma", String.valueOf(karma), "0", why);
        }
        karma = 0;
        karmaResetAt = now;
    }

    // --- internals -----------------------------------------------------------------------------------

    private static void requireValid(UpdateContent content) {
        var problems = content.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private void apply(UpdateContent content) {
        type = content.type();
        severity = content.severity();
        title = content.title();
        notes = content.notes();
        suggestion = content.suggestion();
    }

    private void setBuilds(List<ModuleBuild> newBuilds) {
        if (newBuilds.isEmpty()) {
            throw new InvalidInputException("builds", "an update needs at least one module build");
        }
        Set<String> streams = new java.util.HashSet<>();
        for (ModuleBuild b : newBuilds) {
            if (!b.getModuleStream().getRelease().equals(release)) {
                throw new InvalidInputException("builds", b.nsvca() + " belongs to release "
                        + b.getModuleStream().getRelease().getName() + ", not " + release.getName());
            }
            if (!streams.add(b.getName() + ":" + b.getStream())) {
                throw new InvalidInputException("builds", "two builds of " + b.getName() + ":" + b.getStream()
                        + " in one update; submit only the newest");
            }
        }
        builds.clear();
        builds.addAll(newBuilds);
        cadenceStream = newBuilds.get(0).getModuleStream();
    }

    private void setReferences(List<ReferenceDraft> drafts) {
        Set<Artifact> contained = builds.stream().flatMap(b -> b.getArtifacts().stream()).collect(Collectors.toSet());
        List<UpdateReference> kept = new ArrayList<>();
        for (ReferenceDraft d : drafts) {
            if (kept.stream().anyMatch(r -> r.value().sameAs(d.reference()))) {
                continue;
            }
            for (Artifact a : d.fixedIn()) {
                if (!contained.contains(a)) {
                    throw new InvalidInputException("references", a.getLabel() + " is not a package of this update");
                }
            }
            UpdateReference existing = references.stream().filter(r -> r.value().sameAs(d.reference()))
                    .findFirst().orElse(null);
            if (existing != null) {
                existing.replace(d.reference(), d.fixedIn());
                kept.add(existing);
            } else {
                kept.add(new UpdateReference(this, d.reference(), d.fixedIn()));
            }
        }
        references.clear();
        references.addAll(kept);
    }

    private void requireEditable() {
        editRefusal().ifPresent(why -> {
            throw refused(why);
        });
    }

    private void ask(User by, Instant now, UpdateRequest next, String why) {
        if (request != next) {
            record(by, now, "request", request == null ? null : request.word(), next.word(), why);
            request = next;
            modifiedAt = now;
        }
    }

    private void move(User by, Instant now, UpdateStatus next, String why) {
        record(by, now, "status", status.word(), next.word(), why);
        status = next;
        modifiedAt = now;
    }

    private void recordChange(User by, Instant now, String field, String from, String to) {
        recordChange(by, now, field, from, to, "edited");
    }

    private void recordChange(User by, Instant now, String field, String from, String to, String why) {
        if (!Objects.equals(from, to)) {
            record(by, now, field, from, to, why);
        }
    }

    private void record(User by, Instant now, String field, String from, String to, String why) {
        history.add(new HistoryEntry(this, by, now, field, from, to, why));
    }

    private ConflictException refused(String what) {
        return new ConflictException(alias + " " + what);
    }

    private ConflictException refusedInState(String what) {
        return refused(inState(what));
    }

    private String inState(String what) {
        return "is " + status.word() + " and cannot " + what;
    }

    private String buildList() {
        return builds.stream().map(ModuleBuild::nsvca).sorted().collect(Collectors.joining(", "));
    }

    private String referenceList() {
        return references.stream().map(r -> r.getRefId()).sorted().collect(Collectors.joining(", "));
    }

    // --- reading -------------------------------------------------------------------------------------

    private static final String NEW_BUILDS_FIRST = "has new builds waiting to be pushed to testing; they must reach testing first";

    /**
     * In testing with builds replaced since it got there: the new builds go to testing at the next push (and its
     * days in testing count again from then) before it may go stable.
     */
    public boolean hasBuildsWaitingForTesting() {
        return status == UpdateStatus.TESTING && request == UpdateRequest.TESTING;
    }

    /**
     * The one rule for which updates are <em>active</em> — still on their way, so gating decides them, the pusher
     * looks at them and a newer build obsoletes them: pending, in testing, or unpushed and asking to go back to
     * testing. {@link #ACTIVE_SQL} and {@link #ACTIVE_JPQL} say the same for queries (a test holds the three equal).
     */
    public boolean isActive() {
        return isActive(status, request);
    }

    /** {@link #isActive()} for an update in {@code status} asking for {@code request}. */
    public static boolean isActive(UpdateStatus status, UpdateRequest request) {
        return status == UpdateStatus.PENDING || status == UpdateStatus.TESTING
                || (status == UpdateStatus.UNPUSHED && request == UpdateRequest.TESTING);
    }

    /** {@link #isActive()} over {@code module_update u} in SQL. */
    public static final String ACTIVE_SQL =
            "(u.status in ('pending', 'testing') or (u.status = 'unpushed' and u.request = 'testing'))";

    /** {@link #isActive()} over {@code ModuleUpdate u} in JPQL. */
    public static final String ACTIVE_JPQL = "(u.status in (org.paddock.update.UpdateStatus.PENDING,"
            + " org.paddock.update.UpdateStatus.TESTING) or (u.status = org.paddock.update.UpdateStatus.UNPUSHED"
            + " and u.request = org.paddock.update.UpdateRequest.TESTING))";

    /**
     * Which module stream speaks for the update, the one rule: every stream of its builds has its policies apply
     * ({@link #getModuleStreams()}), and it follows the cadence of — and is pushed with — the stream of its first
     * build as submitted. Stored (column {@code cadence_stream_id}) so the pusher finds a stream's updates by index.
     */
    public org.paddock.release.ModuleStream getCadenceStream() {
        return cadenceStream;
    }

    /** The module streams of the update's builds: whose owners may act on it, and whose policies apply to it. */
    public List<org.paddock.release.ModuleStream> getModuleStreams() {
        return builds.stream().map(ModuleBuild::getModuleStream).distinct().toList();
    }

    /** The streams of this update's builds as {@link org.paddock.platform.security.Permissions} sees them. */
    public List<org.paddock.platform.security.Permissions.Owned> owners() {
        return org.paddock.release.ModuleStream.owned(getModuleStreams());
    }

    public boolean isSubmittedBy(User user) {
        return submitter.equals(user);
    }

    public Long getId() {
        return id;
    }

    public String getAlias() {
        return alias;
    }

    public Release getRelease() {
        return release;
    }

    public UpdateType getType() {
        return type;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getTitle() {
        return title;
    }

    public String getNotes() {
        return notes;
    }

    public Suggestion getSuggestion() {
        return suggestion;
    }

    public User getSubmitter() {
        return submitter;
    }

    public UpdateStatus getStatus() {
        return status;
    }

    public UpdateRequest getRequest() {
        return request;
    }

    /** {@code passed}, {@code failed}, {@code waiting}, {@code ignored}, or {@code null} before the first decision. */
    public String getGating() {
        return gating;
    }

    public void setGating(String gating) {
        this.gating = gating;
    }

    public int getKarma() {
        return karma;
    }

    public Instant getKarmaResetAt() {
        return karmaResetAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }

    public Instant getTestingAt() {
        return testingAt;
    }

    public Instant getStableAt() {
        return stableAt;
    }

    public ModuleUpdate getObsoletedBy() {
        return obsoletedBy;
    }

    public List<ModuleBuild> getBuilds() {
        return Collections.unmodifiableList(builds);
    }

    /** CVEs first, then bugs, then URLs; each kind in id order. */
    public List<UpdateReference> getReferences() {
        return references.stream().sorted(Comparator.comparing(UpdateReference::getKind)
                .thenComparing(UpdateReference::getRefId)).toList();
    }

    public List<Comment> getComments() {
        return Collections.unmodifiableList(comments);
    }

    public List<HistoryEntry> getHistory() {
        return Collections.unmodifiableList(history);
    }
}
