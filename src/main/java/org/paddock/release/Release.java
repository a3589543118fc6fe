package org.paddock.release;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A release of the distribution (e.g. F45) and the module streams it holds. */
@Entity
@Table(name = "release")
public class Release {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 40)
    private String name;

    @Column(name = "long_name", nullable = false, length = 200)
    private String longName;

    @Column(nullable = false, length = 16)
    private ReleaseState state;

    @Column(name = "alias_prefix", nullable = false, length = 32)
    private String aliasPrefix = "PADDOCK";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "release")
    @OrderBy("name, stream")
    private List<ModuleStream> moduleStreams = new ArrayList<>();

    protected Release() {
    }

    public Release(String name, String longName, ReleaseState state, Instant createdAt) {
        this.name = Objects.requireNonNull(name);
        this.longName = Objects.requireNonNull(longName);
        this.state = Objects.requireNonNull(state);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** A new release whose updates' aliases start with {@code aliasPrefix}: {@code FEDORA-2026-1a2b3c4d5e}. */
    public Release(String name, String longName, ReleaseState state, String aliasPrefix, Instant createdAt) {
        this(name, longName, state, createdAt);
        this.aliasPrefix = Objects.requireNonNull(aliasPrefix);
    }

    /**
     * Moves the release on in its life: pending → current → frozen → archived, and a frozen release back to current
     * (the freeze is over). Archived is for good; nothing goes back to pending.
     */
    public void moveTo(ReleaseState next) {
        boolean allowed = next == state || switch (state) {
            case PENDING -> next != ReleaseState.PENDING;
            case CURRENT -> next == ReleaseState.FROZEN || next == ReleaseState.ARCHIVED;
            case FROZEN -> next == ReleaseState.CURRENT || next == ReleaseState.ARCHIVED;
            case ARCHIVED -> false;
        };
        if (!allowed) {
            throw new IllegalStateException(name + " is " + state.word() + ": it cannot become " + next.word()
                    + (state == ReleaseState.ARCHIVED ? " (archived is for good)" : " (a release never goes back to pending)"));
        }
        state = next;
    }

    public void describe(String longName) {
        this.longName = Objects.requireNonNull(longName);
    }

    public void prefixAliases(String aliasPrefix) {
        this.aliasPrefix = Objects.requireNonNull(aliasPrefix);
    }

    /** Adds a module stream to this release; the caller persists it. */
    public ModuleStream addModuleStream(String moduleName, String stream, String summary, Instant now) {
        ModuleStream ms = new ModuleStream(this, moduleName, stream, summary, now);
        moduleStreams.add(ms);
        return ms;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getLongName() {
        return longName;
    }

    public ReleaseState getState() {
        return state;
    }

    /** Update aliases of this release start with it: {@code PADDOCK-2026-1a2b3c4d5e}. */
    public String getAliasPrefix() {
        return aliasPrefix;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<ModuleStream> getModuleStreams() {
        return Collections.unmodifiableList(moduleStreams);
    }
}
