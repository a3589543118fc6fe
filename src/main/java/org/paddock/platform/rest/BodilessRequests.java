package org.paddock.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;

/**
 * A GET, HEAD or OPTIONS has no body, so its {@code Content-Type} says nothing: load tools and some HTTP
 * libraries send one anyway, and it must not turn a read into a 415.
 */
@Provider
@PreMatching
public class BodilessRequests implements ContainerRequestFilter {

    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (WITHOUT_BODY.contains(request.getMethod())) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
