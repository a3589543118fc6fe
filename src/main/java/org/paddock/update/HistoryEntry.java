package org.paddock.update;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.paddock.platform.security.User;

import java.time.Instant;
import java.util.Objects;

/** One recorded change of an update: who (none: Paddock itself), when, which field, from what to what, and why. */
@Entity(name = "UpdateHistory")
@Table(name = "update_history")
public class HistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "update_id")
    private ModuleUpdate update;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "actor_id")
    private User actor;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 32)
    private String field;

    @Column(name = "from_value")
    private String fromValue;

    @Column(name = "to_value")
    private String toValue;

    @Column(nullable = false, length = 1000)
    private String reason;

    protected HistoryEntry() {
    }

    HistoryEntry(ModuleUpdate update, User actor, Instant at, String field, String from, String to, String reason) {
        this.update = Objects.requireNonNull(update);
        this.actor = actor;
        this.at = Objects.requireNonNull(at);
        this.field = Objects.requireNonNull(field);
        this.fromValue = from;
        this.toValue = to;
        this.reason = reason == null ? "" : reason; // too long is refused when stored (StoredValues), never cut
    }

    public Long getId() {
        return id;
    }

    /** Who made the change; "paddock" when it was Paddock itself (a push, an obsoleting). */
    public String getActorName() {
        return actor == null ? "paddock" : actor.getUsername();
    }

    public User getActor() {
        return actor;
    }

    public Instant getAt() {
        return at;
    }

    public String getField() {
        return field;
    }

    public String getFromValue() {
        return fromValue;
    }

    public String getToValue() {
        return toValue;
    }

    public String getReason() {
        return reason;
    }
}
