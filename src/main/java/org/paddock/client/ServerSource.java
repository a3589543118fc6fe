package org.paddock.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.paddock.artifact.Evr;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The advisories of a Paddock server, from its JSON API ({@code GET /api/v1/advisories}), kept in a cache file
 * between runs. The first run fetches every page; later runs ask only for what changed since the newest advisory
 * they hold ({@code since}), with the ETag of the same question, so when nothing changed the server answers
 * {@code 304 Not Modified} and the client answers from its cache.
 */
public final class ServerSource {

    /** What one run did: how it asked and what it got. */
    public record Fetch(int requests, int notModified, int received, List<Advisory> advisories) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(40).build());
    }

    private final URI base;
    private final String release;
    private final String channel;
    private final Path cacheFile;
    private final HttpClient http;

    /**
     * @param base     the server, e.g. {@code https://updates.example.org/}
     * @param release  its release to read ({@code F45}), or {@code null} for all
     * @param channel  {@code stable} or {@code testing}
     * @param cacheDir where the cache file of this server, release and channel lives
     */
    public ServerSource(URI base, String release, String channel, Path cacheDir) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.release = release;
        this.channel = channel;
        String key = (this.base.getHost() + "_" + this.base.getPort() + this.base.getPath() + "_" + (release == null ? "all" : release)
                + "_" + channel).replaceAll("[^A-Za-z0-9._-]", "_");
        this.cacheFile = cacheDir.resolve(key + ".json");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public Path cacheFile() {
        return cacheFile;
    }

    public Fetch fetch() {
        ObjectNode cache = readCache();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        cache.withArray("advisories").forEach(a -> byId.put(a.path("id").asText(), a));
        String since = cache.path("since").isTextual() ? cache.get("since").asText() : null;
        String etag = cache.path("etag").isTextual() ? cache.get("etag").asText() : null;
        int[] counts = new int[3]; // requests, 304s, advisories received
        Answer answer = ask(since, etag, byId, counts);
        if (answer.notModified()) {
            return new Fetch(counts[0], counts[1], counts[2], advisories(byId));
        }
        if (answer.changed()) {
            // ask once more from the newest advisory now held: that question's ETag is what the next run sends,
            // so while nothing changes the server answers it 304
            since = byId.values().stream().map(a -> a.path("updated").asText("")).filter(u -> !u.isEmpty())
                    .max(String::compareTo).orElse(since);
            answer = ask(since, null, byId, counts);
        }
        ObjectNode next = JSON.createObjectNode();
        if (since != null) {
            next.put("since", since);
        }
        if (answer.etag() != null) {
            next.put("etag", answer.etag());
        }
        ArrayNode list = next.putArray("advisories");
        byId.values().forEach(list::add);
        writeCache(next);
        return new Fetch(counts[0], counts[1], counts[2], advisories(byId));
    }

    private record Answer(boolean notModified, boolean changed, String etag) {
    }

    /** Every page of the question "what changed since {@code since}", merged into {@code byId}. */
    private Answer ask(String since, String etag, Map<String, JsonNode> byId, int[] counts) {
        String cursor = null;
        String firstEtag = null;
        boolean changed = false;
        do {
            URI url = base.resolve(query(since, cursor));
            HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json");
            if (cursor == null && etag != null) {
                req.header("If-None-Match", etag);
            }
            HttpResponse<byte[]> answer = send(req.GET().build());
            counts[0]++;
            if (answer.statusCode() == 304 && cursor == null) {
                counts[1]++;
                return new Answer(true, false, etag);
            }
            if (answer.statusCode() != 200) {
                throw new ClientException(url + " answered " + answer.statusCode() + problem(answer.body()));
            }
            if (cursor == null) {
                firstEtag = answer.headers().firstValue("ETag").orElse(null);
            }
            JsonNode page = parse(answer.body(), url.toString());
            for (JsonNode a : page.withArray("advisories")) {
                counts[2]++;
                JsonNode before = byId.put(a.path("id").asText(), a);
                changed |= !a.equals(before);
            }
            cursor = page.path("next").isTextual() ? page.get("next").asText() : null;
        } while (cursor != null && counts[0] < 10_000);
        return new Answer(false, changed, firstEtag);
    }

    private static List<Advisory> advisories(Map<String, JsonNode> byId) {
        List<Advisory> out = new ArrayList<>();
        byId.values().forEach(a -> out.add(advisory(a)));
        return out;
    }

    private String query(String since, String cursor) {
        StringBuilder q = new StringBuilder("api/v1/advisories?status=").append(enc(channel)).append("&limit=1000");
        if (release != null) {
            q.append("&release=").append(enc(release));
        }
        if (since != null) {
            q.append("&since=").append(enc(since));
        }
        if (cursor != null) {
            q.append("&cursor=").append(enc(cursor));
        }
        return q.toString();
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ClientException("cannot reach " + request.uri() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while asking " + request.uri());
        }
    }

    private static String problem(byte[] body) {
        try {
            JsonNode p = JSON.readTree(body);
            return p.path("detail").isTextual() ? ": " + p.get("detail").asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static JsonNode parse(byte[] body, String source) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject() || !n.path("advisories").isArray()) {
                throw new ClientException(source + " did not answer with Paddock's advisories");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new ClientException(source + " did not answer JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ClientException(source + ": " + e.getMessage());
        }
    }

    /** One advisory of the API as the client holds it: its module builds are its collections. */
    static Advisory advisory(JsonNode a) {
        Map<String, List<String>> cvesByPackage = new LinkedHashMap<>();
        List<Advisory.Reference> refs = new ArrayList<>();
        for (JsonNode r : a.path("references")) {
            String kind = r.path("kind").asText("other");
            refs.add(new Advisory.Reference(kind, r.path("id").asText(""), "", r.path("url").asText(null)));
            if (kind.equals("cve")) {
                r.path("fixedIn").forEach(p -> cvesByPackage.computeIfAbsent(p.asText(), k -> new ArrayList<>())
                        .add(r.path("id").asText()));
            }
        }
        List<Advisory.Collection> collections = new ArrayList<>();
        for (JsonNode m : a.path("modules")) {
            String[] nsvca = m.path("nsvca").asText("").split(":");
            Advisory.Module module = nsvca.length == 5
                    ? new Advisory.Module(nsvca[0], nsvca[1], nsvca[2], nsvca[3], nsvca[4]) : null;
            List<Advisory.Fix> fixes = new ArrayList<>();
            for (JsonNode p : m.path("packages")) {
                String kind = p.path("kind").asText("rpm");
                String name = p.path("name").asText();
                List<String> cves = cvesByPackage.getOrDefault(name, List.of());
                try {
                    if (kind.equals("rpm")) {
                        Advisory.Fix rpm = Advisory.Fix.rpm(name, Evr.parse(p.path("evr").asText()), p.path("arch").asText());
                        fixes.add(new Advisory.Fix("rpm", name, rpm.evr(), rpm.version(), rpm.arch(), cves));
                    } else {
                        fixes.add(new Advisory.Fix(kind, name, null, p.path("version").asText(), null, cves));
                    }
                } catch (IllegalArgumentException e) {
                    // a version the client cannot order: it can match nothing installed
                }
            }
            collections.add(new Advisory.Collection(module, fixes));
        }
        String severity = a.path("severity").asText(null);
        return new Advisory(a.path("id").asText(), a.path("type").asText("bugfix"),
                severity == null || severity.equals("none") ? null : severity, a.path("title").asText(""),
                instant(a.path("issued").asText(null)), instant(a.path("updated").asText(null)),
                a.path("url").asText(null), refs, collections);
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private ObjectNode readCache() {
        if (!Files.isRegularFile(cacheFile)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(cacheFile.toFile());
            return n instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode(); // a damaged cache is fetched again, whole
        }
    }

    private void writeCache(ObjectNode cache) {
        try {
            Files.createDirectories(cacheFile.getParent());
            Path tmp = Files.createTempFile(cacheFile.getParent(), "advisories", ".tmp");
            JSON.writeValue(tmp.toFile(), cache);
            Files.move(tmp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ClientException("cannot write the cache " + cacheFile + ": " + e.getMessage(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The default cache directory: $XDG_CACHE_HOME/paddock-client, else ~/.cache/paddock-client. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("paddock-client");
    }
}
