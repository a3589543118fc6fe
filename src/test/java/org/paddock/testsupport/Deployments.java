package org.paddock.testsupport;

import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URISyntaxException;

/**
 * The deployment every in-container test uses: the real WAR that {@code mvn package} built, served at
 * {@code /}, talking to {@link TestDatabase} (so Flyway migrates it with the real {@code db/migration}).
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive paddock() {
        TestDatabase.ensureRunning();
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(TestPaths.war().toFile())
                .as(WebArchive.class)
                .addAsLibraries(jarOf(Assertions.class));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
