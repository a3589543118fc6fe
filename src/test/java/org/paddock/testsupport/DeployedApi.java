package org.paddock.testsupport;

import io.restassured.specification.RequestSpecification;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * What every in-container test that calls Paddock over HTTP starts from: the real WAR deployed by Arquillian
 * ({@link Deployments#paddock()}, run as a client) and {@link Api} on its address: {@code as(token)}.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedApi {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.paddock();
    }

    @ArquillianResource
    protected URL base;

    protected Api api() {
        return new Api(base);
    }

    /** A JSON request as the holder of {@code token}, or anonymous when it is null. */
    protected RequestSpecification as(String token) {
        return api().as(token);
    }
}
