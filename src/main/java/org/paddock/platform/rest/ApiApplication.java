package org.paddock.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** REST API root: {@code /api/v1/...} for Paddock's own API; described at {@code /openapi}. */
@ApplicationPath("/api")
public class ApiApplication extends Application {
}
