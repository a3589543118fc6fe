package org.paddock.onboarding;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.paddock.platform.Text;
import org.paddock.platform.security.CurrentUser;

/** {@code POST /api/v1/releases/{name}/modules}: a repository's {@code modules.yaml} into a release (see {@link OnboardingResource}). */
@Path("v1/releases/{name}/modules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
@RequestScoped
public class ReleaseModulesResource {

    @Inject
    Onboarding onboarding;

    @Inject
    CurrentUser caller;

    @POST
    public Response importModules(@PathParam("name") String name, byte[] body, @QueryParam("dryRun") String dryRun,
                                  @QueryParam("ownerGroup") String ownerGroup) {
        var by = caller.requireApiCaller();
        return OnboardingResource.answer(onboarding.importModules(name, Text.utf8(body, "body"), ownerGroup,
                OnboardingResource.dryRun(dryRun), by));
    }
}
