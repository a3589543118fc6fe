package org.paddock.onboarding;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.Text;
import org.paddock.platform.security.CurrentUser;

/**
 * Onboarding in bulk, admins only; the body is YAML, bounded like every API body, and {@code ?dryRun=true} answers
 * what would be made without storing anything:
 * <ul>
 *   <li>{@code POST /api/v1/onboarding}: an {@link OnboardingFile} (groups with members, releases with module
 *       streams and their owners);</li>
 *   <li>{@code POST /api/v1/releases/{name}/modules}: a repository's {@code modules.yaml} (modulemd v2 documents, as
 *       the module build service writes them), every build not known yet imported into the release;
 *       {@code ?ownerGroup=} owns the streams this makes (without it: the group owning the module in another
 *       release).</li>
 * </ul>
 * Both answer the {@link Onboarding.Plan}: 201 when the import made something, else 200. The second is
 * {@link ReleaseModulesResource} (a path of its own, so that it is not taken for one of the releases resource's).
 */
@Path("v1/onboarding")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
@RequestScoped
public class OnboardingResource {

    @Inject
    Onboarding onboarding;

    @Inject
    CurrentUser caller;

    @POST
    public Response importFile(byte[] body, @QueryParam("dryRun") String dryRun) {
        var by = caller.requireApiCaller();
        return answer(onboarding.importFile(Text.utf8(body, "body"), dryRun(dryRun), by));
    }

    /** {@code ?dryRun=true}; anything but true, false or nothing is refused, never taken for "store it". */
    static boolean dryRun(String given) {
        if (given == null || given.isEmpty() || given.equals("false")) {
            return false;
        }
        if (given.equals("true")) {
            return true;
        }
        throw new InvalidInputException("dryRun", "must be true or false, not '" + Text.clip(given, 40) + "'");
    }

    static Response answer(Onboarding.Plan plan) {
        return Response.status(!plan.dryRun() && plan.created() > 0 ? 201 : 200).entity(plan).build();
    }
}
