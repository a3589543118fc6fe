package org.paddock.update;

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
import jakarta.persistence.Table;
import org.paddock.release.Artifact;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A CVE, a Bugzilla bug or a plain URL that an update refers to, and the contained packages that fix it
 * (empty: the update as a whole).
 */
@Entity
@Table(name = "update_reference")
public class UpdateReference {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "update_id")
    private ModuleUpdate update;

    @Column(nullable = false, length = 10)
    private ReferenceKind kind;

    @Column(name = "ref_id", nullable = false, length = 1000)
    private String refId;

    @Column(nullable = false, length = 500)
    private String title;

    @Column(nullable = false, length = 1000)
    private String url;

    @ManyToMany
    @JoinTable(name = "artifact_reference", joinColumns = @JoinColumn(name = "reference_id"),
            inverseJoinColumns = @JoinColumn(name = "artifact_id"))
    private Set<Artifact> fixedIn = new LinkedHashSet<>();

    protected UpdateReference() {
    }

    UpdateReference(ModuleUpdate update, Reference ref, Set<Artifact> fixedIn) {
        this.update = Objects.requireNonNull(update);
        this.kind = ref.kind();
        this.refId = ref.id();
        this.title = ref.title();
        this.url = ref.url();
        this.fixedIn = new LinkedHashSet<>(fixedIn);
    }

    Reference value() {
        return new Reference(kind, refId, title, url);
    }

    /** Same kind and id, possibly a new title and new fixing packages: changed in place. */
    void replace(Reference ref, Set<Artifact> artifacts) {
        this.title = ref.title();
        this.url = ref.url();
        this.fixedIn = new LinkedHashSet<>(artifacts);
    }

    public Long getId() {
        return id;
    }

    public ReferenceKind getKind() {
        return kind;
    }

    public String getRefId() {
        return refId;
    }

    public String getTitle() {
        return title;
    }

    public String getUrl() {
        return url;
    }

    public Set<Artifact> getFixedIn() {
        return Collections.unmodifiableSet(fixedIn);
    }
}
