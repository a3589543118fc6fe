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

import java.util.Objects;

/**
 * One package inside a module build: an RPM (name, epoch, version, release, arch, source RPM, optional
 * sha256) or another package (gem, pypi, maven, …) named by its package URL. Every artifact has a purl.
 */
@Entity
@Table(name = "artifact")
public class Artifact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "module_build_id")
    private ModuleBuild build;

    @Column(nullable = false, length = 8)
    private String kind;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 10)
    private String epoch;

    @Column(nullable = false, length = 200)
    private String version;

    @Column(length = 200)
    private String release;

    @Column(length = 32)
    private String arch;

    @Column(name = "source_rpm", length = 400)
    private String sourceRpm;

    @Column(length = 64)
    private String sha256;

    @Column(nullable = false, length = 1000)
    private String purl;

    protected Artifact() {
    }

    Artifact(ModuleBuild build, Spec spec) {
        this.build = Objects.requireNonNull(build);
        this.kind = spec.kind();
        this.name = spec.name();
        this.epoch = spec.epoch();
        this.version = spec.version();
        this.release = spec.release();
        this.arch = spec.arch();
        this.sourceRpm = spec.sourceRpm();
        this.sha256 = spec.sha256();
        this.purl = spec.purl();
    }

    /** What an artifact is made from; built by the importers from a NEVRA or a purl. */
    public record Spec(String kind, String name, String epoch, String version, String release, String arch,
                       String sourceRpm, String sha256, String purl) {
        public Spec {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(name);
            Objects.requireNonNull(version);
            Objects.requireNonNull(purl);
            if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 of " + name + " must be 64 lower-case hex digits");
            }
        }

        String display() {
            return isRpm() ? nevra() : purl;
        }

        boolean isRpm() {
            return "rpm".equals(kind);
        }

        String nevra() {
            return name + "-" + (epoch == null || "0".equals(epoch) ? "" : epoch + ":") + version + "-" + release
                    + "." + arch;
        }
    }

    public boolean isRpm() {
        return "rpm".equals(kind);
    }

    /** NEVRA for RPMs ({@code nginx-1:1.24.0-1.fc45.x86_64}), the purl for everything else. */
    public String getLabel() {
        return isRpm() ? nevra() : purl;
    }

    public String nevra() {
        return new Spec(kind, name, epoch, version, release, arch, sourceRpm, sha256, purl).nevra();
    }

    public Long getId() {
        return id;
    }

    public ModuleBuild getBuild() {
        return build;
    }

    public String getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getEpoch() {
        return epoch;
    }

    public String getVersion() {
        return version;
    }

    public String getRelease() {
        return release;
    }

    public String getArch() {
        return arch;
    }

    public String getSourceRpm() {
        return sourceRpm;
    }

    public String getSha256() {
        return sha256;
    }

    public String getPurl() {
        return purl;
    }
}
