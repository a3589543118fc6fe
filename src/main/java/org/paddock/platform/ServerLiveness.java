package org.paddock.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the application is deployed and answering; the database's state belongs to readiness. */
@Liveness
@ApplicationScoped
public class ServerLiveness implements HealthCheck {

    @Inject
    BuildInfo build;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("paddock").up().withData("version", build.getVersion()).build();
    }
}
