package org.paddock.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version Maven built, shown in every page footer and in the liveness check. */
@Named("build")
@ApplicationScoped
public class BuildInfo {

    private final String version;

    public BuildInfo() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/paddock-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.version = p.getProperty("version", "development");
    }

    public String getVersion() {
        return version;
    }
}
