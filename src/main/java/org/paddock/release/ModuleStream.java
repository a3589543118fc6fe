package org.paddock.release;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.paddock.platform.security.Group;
import org.paddock.platform.security.Permissions;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** A module stream such as {@code nginx:1.24} within one release. */
@Entity
@Table(name = "module_stream")
public class ModuleStream {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "release_id")
    private Release release;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 100)
    private String stream;

    @Column(nullable = false, length = 500)
    private String summary;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_group_id")
    private Group ownerGroup;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The last day it takes new updates, or {@code null}: no end of life set. */
    @Column(name = "eol")
    private java.time.LocalDate endOfLife;

    protected ModuleStream() {
    }

    ModuleStream(Release release, String name, String stream, String summary, Instant createdAt) {
        this.release = Objects.requireNonNull(release);
        this.name = requirePart("module name", name);
        this.stream = requirePart("stream", stream);
        this.summary = summary == null ? "" : summary.strip();
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    static String requirePart(String what, String value) {
        if (value == null || !PART.matcher(value).matches() || value.length() > 100) {
            throw new IllegalArgumentException(what + " '" + value + "' must start with a letter or digit and "
                    + "hold only letters, digits and . _ + - (at most 100 characters)");
        }
        return value;
    }

    /** Sets the last day it takes new updates ({@code null}: none). */
    public void endLifeOn(java.time.LocalDate day) {
        this.endOfLife = day;
    }

    public void summarize(String summary) {
        this.summary = summary == null ? "" : summary.strip();
    }

    public java.time.LocalDate getEndOfLife() {
        return endOfLife;
    }

    /** Whether its life has ended as of {@code now} (UTC): past its end-of-life day, it takes no new update. */
    public boolean hasEnded(Instant now) {
        return endOfLife != null && now.atZone(java.time.ZoneOffset.UTC).toLocalDate().isAfter(endOfLife);
    }

    /** Hands the stream to a group of maintainers; they may then act on its updates. */
    public void ownedBy(Group group) {
        this.ownerGroup = group;
    }

    /** {@code name:stream}, the way dnf and people write it. */
    public String getNameStream() {
        return name + ":" + stream;
    }

    public Long getId() {
        return id;
    }

    public Release getRelease() {
        return release;
    }

    public String getName() {
        return name;
    }

    public String getStream() {
        return stream;
    }

    public String getSummary() {
        return summary;
    }

    public Group getOwnerGroup() {
        return ownerGroup;
    }

    /** This stream as {@link Permissions} sees it: a name and the group that owns it. */
    public Permissions.Owned owned() {
        return new Permissions.Owned(getNameStream(), ownerGroup);
    }

    public static List<Permissions.Owned> owned(Collection<ModuleStream> streams) {
        return streams.stream().map(ModuleStream::owned).toList();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
