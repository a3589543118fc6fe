package org.paddock.release;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One build of a module stream — name, stream, version, context, arch (NSVCA) — and every package it
 * contains: RPMs by NEVRA and other packages (gems, wheels, jars) by package URL.
 */
@Entity
@Table(name = "module_build")
public class ModuleBuild {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "module_stream_id")
    private ModuleStream moduleStream;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 100)
    private String stream;

    @Column(nullable = false)
    private long version;

    @Column(nullable = false, length = 64)
    private String context;

    @Column(nullable = false, length = 32)
    private String arch;

    @Column(nullable = false, length = 500)
    private String summary;

    @Column(nullable = false)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "build", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name, version, release, arch")
    private List<Artifact> artifacts = new ArrayList<>();

    protected ModuleBuild() {
    }

    public ModuleBuild(ModuleStream moduleStream, long version, String context, String arch, String summary,
                       String description, Instant createdAt) {
        this.moduleStream = Objects.requireNonNull(moduleStream);
        this.name = moduleStream.getName();
        this.stream = moduleStream.getStream();
        if (version <= 0) {
            throw new IllegalArgumentException("version must be a positive number, not " + version);
        }
        this.version = version;
        this.context = token("context", context, 64);
        this.arch = token("arch", arch, 32);
        this.summary = summary == null ? "" : summary.strip();
        this.description = description == null ? "" : description.strip();
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    private static String token(String what, String value, int max) {
        if (value == null || !TOKEN.matcher(value).matches() || value.length() > max) {
            throw new IllegalArgumentException(what + " '" + value + "' must be a word of letters, digits and . _ + - "
                    + "(at most " + max + " characters)");
        }
        return value;
    }

    public Artifact addArtifact(Artifact.Spec spec) {
        Artifact a = new Artifact(this, spec);
        if (artifacts.stream().anyMatch(x -> x.getPurl().equals(a.getPurl()))) {
            throw new IllegalArgumentException("package " + spec.display() + " is listed twice in " + nsvca());
        }
        artifacts.add(a);
        return a;
    }

    /** {@code name:stream:version:context:arch}. */
    public String nsvca() {
        return name + ":" + stream + ":" + version + ":" + context + ":" + arch;
    }

    public String getNsvca() {
        return nsvca();
    }

    public Long getId() {
        return id;
    }

    public ModuleStream getModuleStream() {
        return moduleStream;
    }

    public String getName() {
        return name;
    }

    public String getStream() {
        return stream;
    }

    public long getVersion() {
        return version;
    }

    public String getContext() {
        return context;
    }

    public String getArch() {
        return arch;
    }

    public String getSummary() {
        return summary;
    }

    public String getDescription() {
        return description;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<Artifact> getArtifacts() {
        return Collections.unmodifiableList(artifacts);
    }
}
