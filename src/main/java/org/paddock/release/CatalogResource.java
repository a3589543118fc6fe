package org.paddock.release;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.NotFoundException;
import org.paddock.platform.security.CurrentUser;
import org.paddock.platform.security.Permissions;
import org.paddock.platform.security.User;

import java.time.Instant;
import java.util.List;

/** {@code /api/v1/releases}, {@code /api/v1/modules} and {@code /api/v1/builds}. */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CatalogResource {

    @Inject
    ReleaseRepository releases;

    @Inject
    BuildImporter importer;

    @Inject
    CurrentUser caller;

    @PersistenceContext(unitName = "paddock")
    EntityManager em;


    /** {@code eol}: the last day the stream takes updates, {@code null} when none is set. */
    public record ModuleView(String release, String name, String stream, String nameStream, String summary,
                             String ownerGroup, String eol) {
        static ModuleView of(ModuleStream ms) {
            return new ModuleView(ms.getRelease().getName(), ms.getName(), ms.getStream(), ms.getNameStream(),
                    ms.getSummary(), ms.getOwnerGroup() == null ? null : ms.getOwnerGroup().getName(),
                    ms.getEndOfLife() == null ? null : ms.getEndOfLife().toString());
        }
    }

    public record BuildView(String release, String nsvca, String name, String stream, long version, String context,
                            String arch, String summary, Instant created,
                            List<PackageView> packages) {
    }

    /** {@code ownerGroup}: which of the caller's groups owns a module stream this import makes (when not clear). */
    public record BuildImport(String release, BuildDraft build, String modulemd, String ownerGroup) {
    }

    @GET
    @Path("modules")
    @Transactional
    public List<ModuleView> modules(@QueryParam("release") String release) {
        return releases.allModuleStreams().stream()
                .filter(ms -> release == null || ms.getRelease().getName().equals(release))
                .map(ModuleView::of).toList();
    }

    @GET
    @Path("builds")
    @Transactional
    public List<BuildView> builds(@QueryParam("module") String module, @QueryParam("release") String release) {
        StringBuilder jpql = new StringBuilder("select b from ModuleBuild b join fetch b.moduleStream ms "
                + "join fetch ms.release r where 1 = 1");
        String[] ns = module == null ? new String[0] : module.split(":", 2);
        if (ns.length > 0) {
            jpql.append(" and b.name = :name");
        }
        if (ns.length > 1) {
            jpql.append(" and b.stream = :stream");
        }
        if (release != null) {
            jpql.append(" and r.name = :release");
        }
        var q = em.createQuery(jpql + " order by b.name, b.stream, b.version desc", ModuleBuild.class);
        if (ns.length > 0) {
            q.setParameter("name", ns[0]);
        }
        if (ns.length > 1) {
            q.setParameter("stream", ns[1]);
        }
        if (release != null) {
            q.setParameter("release", release);
        }
        return q.setMaxResults(500).getResultList().stream().map(CatalogResource::view).toList();
    }

    @GET
    @Path("builds/{nsvca}")
    @Transactional
    public BuildView build(@PathParam("nsvca") String nsvca) {
        return importer.findByNsvca(nsvca).map(CatalogResource::view)
                .orElseThrow(() -> new NotFoundException("there is no module build " + nsvca));
    }

    /** Imports module builds before any update names them: JSON ({@code build}) or modulemd YAML ({@code modulemd}). */
    @POST
    @Path("builds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response importBuilds(BuildImport body) {
        User user = caller.requireApiCaller();
        if (body == null || body.release() == null) {
            throw new InvalidInputException("release", "is required, e.g. F45");
        }
        Release release = releases.findByName(body.release())
                .orElseThrow(() -> new InvalidInputException("release", "there is no release '" + body.release() + "'"));
        List<BuildDraft> drafts = body.build() != null ? List.of(body.build())
                : body.modulemd() != null ? importer.fromModulemd(body.modulemd()) : List.of();
        if (drafts.isEmpty()) {
            throw new InvalidInputException("build", "send a build (JSON) or modulemd (YAML)");
        }
        List<ModuleBuild> created = new java.util.ArrayList<>();
        for (BuildDraft d : drafts) {
            ModuleBuild b = importer.create(release, d, body.build() != null ? "build" : "modulemd", user,
                    body.ownerGroup());
            Permissions.requireMaintain(user, List.of(b.getModuleStream().owned()), "import builds of " + b.getModuleStream().getNameStream());
            em.persist(b);
            created.add(b);
        }
        return Response.status(Response.Status.CREATED).entity(created.stream().map(CatalogResource::view).toList())
                .build();
    }

    private static BuildView view(ModuleBuild b) {
        return new BuildView(b.getModuleStream().getRelease().getName(), b.nsvca(), b.getName(), b.getStream(),
                b.getVersion(), b.getContext(), b.getArch(), b.getSummary(), b.getCreatedAt(),
                PackageView.of(b));
    }
}
