package org.paddock.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Module builds for the updates in-container tests submit, each new: the nginx:1.24 modulemd of
 * {@code /update/nginx-1.24-modulemd.yaml} under a version no other test used, or a {@code newBuilds} entry
 * built up field by field. Versions only grow, so a later build is newer than an earlier one (and obsoletes it).
 */
public final class TestBuilds {

    /** The version written in the modulemd resource; {@link #nginxModulemd(long)} replaces it. */
    public static final String MODULEMD_VERSION = "4520261101120000";
    /** The context written in the modulemd resource. */
    public static final String MODULEMD_CONTEXT = "9edba152";

    private static final AtomicLong VERSIONS = new AtomicLong(
            4520270000000000L + ThreadLocalRandom.current().nextLong(100_000_000_000L) * 1000);

    private TestBuilds() {
    }

    /** A module version no other build of this test run has, greater than every one given before. */
    public static long freshVersion() {
        return VERSIONS.incrementAndGet();
    }

    /** Eight hexadecimal digits no other build has, for a context. */
    public static String freshContext() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** The nginx:1.24 modulemd (five RPMs, context {@value #MODULEMD_CONTEXT}) under a fresh version. */
    public static String nginxModulemd() {
        return nginxModulemd(freshVersion());
    }

    public static String nginxModulemd(long version) {
        return resource("/update/nginx-1.24-modulemd.yaml").replace(MODULEMD_VERSION, Long.toString(version));
    }

    /** The NSVCA of the nginx:1.24 modulemd build of {@code version}. */
    public static String nginxNsvca(long version) {
        return "nginx:1.24:" + version + ":" + MODULEMD_CONTEXT + ":x86_64";
    }

    /** A {@code newBuilds} entry for {@code name:stream}, fresh version and context, arch x86_64, no packages yet. */
    public static Build build(String name, String stream) {
        return new Build(name, stream);
    }

    /** One entry of an update's {@code newBuilds}. */
    public static final class Build {
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private final List<Map<String, String>> rpms = new ArrayList<>();
        private final List<String> packages = new ArrayList<>();

        private Build(String name, String stream) {
            fields.put("name", name);
            fields.put("stream", stream);
            fields.put("version", freshVersion());
            fields.put("context", freshContext());
            fields.put("arch", "x86_64");
        }

        public Build version(long version) {
            fields.put("version", version);
            return this;
        }

        public Build context(String context) {
            fields.put("context", context);
            return this;
        }

        public Build arch(String arch) {
            fields.put("arch", arch);
            return this;
        }

        public String context() {
            return (String) fields.get("context");
        }

        public String arch() {
            return (String) fields.get("arch");
        }

        /** An RPM by NEVRA. */
        public Build rpm(String nevra) {
            rpms.add(Map.of("nevra", nevra));
            return this;
        }

        /** A non-RPM package by purl. */
        public Build purl(String purl) {
            packages.add(purl);
            return this;
        }

        /** The entry as the JSON body takes it. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>(fields);
            map.put("rpms", List.copyOf(rpms));
            if (!packages.isEmpty()) {
                map.put("packages", List.copyOf(packages));
            }
            return map;
        }

        /** {@code "newBuilds": [this]}, to add to an update body. */
        public Map<String, Object> asNewBuilds() {
            return Map.of("newBuilds", List.of(toMap()));
        }
    }

    private static String resource(String name) {
        try (InputStream in = TestBuilds.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
