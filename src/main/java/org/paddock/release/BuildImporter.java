package org.paddock.release;

import org.paddock.platform.security.User;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paddock.artifact.Modulemd;
import org.paddock.artifact.ModulemdBuild;
import org.paddock.artifact.Nevra;
import org.paddock.artifact.Purl;
import org.paddock.platform.FieldError;
import org.paddock.platform.InvalidInputException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns submitted module builds into {@link ModuleBuild}s of a release: checks the module stream exists,
 * the NSVCA is new, every NEVRA and purl is well-formed; reports every problem with its field. The caller
 * decides about access and persists in its transaction.
 */
@ApplicationScoped
public class BuildImporter {

    private static final Set<String> PACKAGE_TYPES = Set.of("gem", "pypi", "maven", "npm", "generic");

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    ReleaseRepository releases;

    @Inject
    ModuleStreams streams;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "paddock.rpm.vendor", defaultValue = "fedora")
    String rpmVendor;

    /** Reads modulemd v2 YAML (one or more documents) into drafts; YAML problems are refused with their line. */
    public List<BuildDraft> fromModulemd(String yaml) {
        try {
            List<BuildDraft> drafts = new ArrayList<>();
            for (ModulemdBuild m : Modulemd.parse(yaml)) {
                drafts.add(new BuildDraft(m.name(), m.stream(), m.version(), m.context(), m.arch(), m.summary(),
                        m.description(), m.rpms().stream().map(n -> new BuildDraft.RpmDraft(n, null, null)).toList(),
                        List.of()));
            }
            return drafts;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("modulemd", e.getMessage());
        }
    }

    /**
     * A new build of {@code release}, not yet persisted; {@code field} prefixes the error fields ({@code builds[0]}).
     * The first build of a {@code name:stream} in the release makes its module stream, owned by one of {@code by}'s
     * groups ({@code ownerGroup} names which when it is not clear; see {@link ModuleStreams#findOrOpen}); a stream past
     * its end of life takes none.
     */
    public ModuleBuild create(Release release, BuildDraft d, String field, User by, String ownerGroup) {
        List<FieldError> errors = new ArrayList<>();
        if (d.name() == null || d.stream() == null) {
            throw new InvalidInputException(field, "a module build needs name and stream");
        }
        try {
            ModuleStream.requirePart("module name", d.name());
            ModuleStream.requirePart("stream", d.stream());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + ".name", e.getMessage());
        }
        Optional<ModuleStream> stream = Optional.of(streams.findOrOpen(release, d.name(), d.stream(),
                d.summary(), by, ownerGroup, field));
        if (d.version() == null || d.context() == null || d.arch() == null) {
            throw new InvalidInputException(field, d.name() + ":" + d.stream()
                    + " needs version, context and arch (name:stream:version:context:arch)");
        }
        if (findByNsvca(d.nsvca()).isPresent()) {
            throw new InvalidInputException(field, "module build " + d.nsvca() + " was already submitted");
        }
        ModuleBuild build;
        try {
            build = new ModuleBuild(stream.get(), d.version(), d.context(), d.arch(), d.summary(), d.description(),
                    clock.instant());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
        for (int i = 0; i < d.rpms().size(); i++) {
            try {
                build.addArtifact(rpm(d.rpms().get(i)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field + ".rpms[" + i + "]", e.getMessage()));
            }
        }
        for (int i = 0; i < d.packages().size(); i++) {
            try {
                build.addArtifact(pkg(d.packages().get(i)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field + ".packages[" + i + "]", e.getMessage()));
            }
        }
        if (build.getArtifacts().isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError(field, d.nsvca() + " contains no packages"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return build;
    }

    public Optional<ModuleBuild> findByNsvca(String nsvca) {
        String[] p = nsvca.split(":");
        if (p.length != 5 || !p[2].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return em.createQuery("""
                        select b from ModuleBuild b where b.name = :n and b.stream = :s and b.version = :v
                        and b.context = :c and b.arch = :a""", ModuleBuild.class)
                .setParameter("n", p[0]).setParameter("s", p[1]).setParameter("v", Long.parseLong(p[2]))
                .setParameter("c", p[3]).setParameter("a", p[4]).getResultStream().findFirst();
    }

    private Artifact.Spec rpm(BuildDraft.RpmDraft r) {
        if (r == null || r.nevra() == null) {
            throw new IllegalArgumentException("an RPM needs its NEVRA");
        }
        Nevra n = Nevra.parse(r.nevra().strip());
        TreeMap<String, String> qualifiers = new TreeMap<>();
        qualifiers.put("arch", n.arch());
        if (n.epoch() != null && !"0".equals(n.epoch())) {
            qualifiers.put("epoch", n.epoch());
        }
        String purl = new Purl("rpm", rpmVendor, n.name(), n.version() + "-" + n.release(), qualifiers, null).toString();
        String sha = r.sha256() == null || r.sha256().isBlank() ? null : r.sha256().strip().toLowerCase();
        String src = r.sourceRpm() == null || r.sourceRpm().isBlank() ? null : r.sourceRpm().strip();
        return new Artifact.Spec("rpm", n.name(), n.epoch(), n.version(), n.release(), n.arch(), src, sha, purl);
    }

    private Artifact.Spec pkg(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a package needs its package URL");
        }
        Purl p = Purl.parse(text.strip());
        if (!PACKAGE_TYPES.contains(p.type())) {
            throw new IllegalArgumentException("package " + text + " is of type '" + p.type()
                    + "'; RPMs go in rpms by NEVRA, other packages may be gem, pypi, maven, npm or generic");
        }
        if (p.version() == null) {
            throw new IllegalArgumentException("package " + text + " needs a version (…@1.2.3)");
        }
        String name = p.namespace() == null ? p.name() : p.namespace() + "/" + p.name();
        return new Artifact.Spec(p.type(), name, null, p.version(), null, null, null, null, p.toString());
    }
}
