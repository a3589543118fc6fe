package org.paddock.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.paddock.artifact.Evr;
import org.paddock.artifact.Purl;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * Jackson's object mapper, made when first needed: a run the server answers 304 reads the cache's head with the
     * streaming parser and never pays for loading the mapper.
     */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();

        static {
            Mapper.JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(40).build());
        }
    }

    private final URI base;
    private final String release;
    private final String channel;
    private final Path cacheFile;

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
    }

    public Path cacheFile() {
        return cacheFile;
    }

    /** Every advisory of the server, fetched or answered from the cache. */
    public Fetch fetch() throws IOException {
        return fetch(null);
    }

    /**
     * The advisories of the server that name a package {@code installed} names ({@code null}: every one). When the
     * server answers 304 the cache is not parsed: its index (an {@link AdvisoryIndex}, made once per change) leads to
     * the installed names' advisories alone.
     */
    public Fetch fetch(java.util.Set<String> installed) throws IOException {
        Held held = new Held();
        String since = held.since;
        int[] counts = new int[3]; // requests, 304s, advisories received
        Answer answer = ask(since, held.etag, held, counts);
        if (answer.notModified()) {
            return new Fetch(counts[0], counts[1], counts[2], fromCache(installed, held));
        }
        Map<String, JsonNode> byId = held.all();
        if (answer.changed()) {
            // ask once more from the newest advisory now held: that question's ETag is what the next run sends,
            // so while nothing changes the server answers it 304
            since = byId.values().stream().map(a -> a.path("updated").asText("")).filter(u -> !u.isEmpty())
                    .max(String::compareTo).orElse(since);
            answer = ask(since, null, held, counts);
        }
        ObjectNode next = Mapper.JSON.createObjectNode();
        if (since != null) {
            next.put("since", since);
        }
        if (answer.etag() != null) {
            next.put("etag", answer.etag());
        }
        ArrayNode list = next.putArray("advisories");
        byId.values().forEach(list::add);
        writeCache(next);
        return new Fetch(counts[0], counts[1], counts[2], fromCache(installed, held));
    }

    private List<Advisory> fromCache(java.util.Set<String> installed, Held held) throws IOException {
        if (installed == null || !Files.isRegularFile(cacheFile)) {
            return advisories(held.all());
        }
        return AdvisoryIndex.read(cacheFile, cacheFile.getParent(), installed, () -> advisories(held.all()));
    }

    /**
     * The cache as this run holds it: its {@code since} and {@code etag}, read from the head of the file (they are
     * written first), and its advisories, parsed only when asked for — a run answered 304 never is.
     */
    private final class Held {
        final String since;
        final String etag;
        private Map<String, JsonNode> byId;

        Held() {
            String s = null;
            String e = null;
            if (Files.isRegularFile(cacheFile)) {
                try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(cacheFile.toFile())) {
                    if (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
                                && !p.currentName().equals("advisories")) {
                            String field = p.currentName();
                            String value = p.nextToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? p.getText() : null;
                            p.skipChildren();
                            if (field.equals("since")) {
                                s = value;
                            } else if (field.equals("etag")) {
                                e = value;
                            }
                        }
                    }
                } catch (IOException damaged) {
                    s = null; // a damaged cache is fetched again, whole
                    e = null;
                }
            }
            since = s;
            etag = e;
        }

        Map<String, JsonNode> all() {
            if (byId == null) {
                byId = new LinkedHashMap<>();
                readCache().withArray("advisories").forEach(a -> byId.put(a.path("id").asText(), a));
            }
            return byId;
        }
    }

    private record Answer(boolean notModified, boolean changed, String etag) {
    }

    /** Every page of the question "what changed since {@code since}", merged into {@code byId}. */
    private Answer ask(String since, String etag, Held held, int[] counts) {
        String cursor = null;
        String firstEtag = null;
        boolean changed = false;
        do {
            URI url = base.resolve(query(since, cursor));
            Response answer = get(url, cursor == null ? etag : null);
            counts[0]++;
            if (answer.status() == 304 && cursor == null) {
                counts[1]++;
                return new Answer(true, false, etag);
            }
            if (answer.status() != 200) {
                throw new ClientException(url + " answered " + answer.status() + problem(answer.body()));
            }
            if (cursor == null) {
                firstEtag = answer.etag();
            }
            JsonNode page = parse(answer.body(), url.toString());
            Map<String, JsonNode> byId = held.all();
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

    private record Response(int status, String etag, byte[] body) {
    }

    /**
     * One GET, with the JDK's plain URL connection: a short run does not pay for starting the JDK's HTTP/2 client.
     * Redirects are followed, also from http to https, at most five.
     */
    private static Response get(URI url, String etag) {
        URI at = url;
        try {
            for (int hop = 0; hop <= 5; hop++) {
                java.net.HttpURLConnection c = (java.net.HttpURLConnection) at.toURL().openConnection();
                c.setConnectTimeout(10_000);
                c.setReadTimeout(60_000);
                c.setInstanceFollowRedirects(false);
                c.setRequestProperty("Accept", "application/json");
                if (etag != null) {
                    c.setRequestProperty("If-None-Match", etag);
                }
                int status = c.getResponseCode();
                String location = c.getHeaderField("Location");
                if (List.of(301, 302, 303, 307, 308).contains(status) && location != null) {
                    at = at.resolve(location);
                    c.disconnect();
                    continue;
                }
                java.io.InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
                byte[] body = in == null ? new byte[0] : in.readAllBytes();
                if (in != null) {
                    in.close();
                }
                return new Response(status, c.getHeaderField("ETag"), body);
            }
            throw new ClientException(url + ": more than five redirects");
        } catch (IOException | IllegalArgumentException e) {
            throw new ClientException("cannot reach " + at + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static String problem(byte[] body) {
        try {
            JsonNode p = Mapper.JSON.readTree(body);
            return p.path("detail").isTextual() ? ": " + p.get("detail").asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static JsonNode parse(byte[] body, String source) {
        try {
            JsonNode n = Mapper.JSON.readTree(body);
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
        // a CVE names the packages that fix it (fixedIn), or none: then the whole update fixes it
        Map<String, List<String>> cvesByPackage = new LinkedHashMap<>();
        List<String> wholeUpdate = new ArrayList<>();
        List<Advisory.Reference> refs = new ArrayList<>();
        for (JsonNode r : a.path("references")) {
            String kind = r.path("kind").asText("other");
            refs.add(new Advisory.Reference(kind, r.path("id").asText(""), "", r.path("url").asText(null)));
            if (kind.equals("cve")) {
                if (r.path("fixedIn").isEmpty()) {
                    wholeUpdate.add(r.path("id").asText());
                }
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
                List<String> cves = new ArrayList<>(wholeUpdate);
                cves.addAll(cvesByPackage.getOrDefault(name, List.of()));
                try {
                    if (kind.equals("rpm")) {
                        Evr evr = Evr.parse(p.path("evr").asText());
                        fixes.add(new Advisory.Fix("rpm", name, evr, Advisory.evrText(evr), p.path("arch").asText(), cves));
                    } else { // named from its purl, as an SBOM's are (a jar groupId:artifactId)
                        fixes.add(new Advisory.Fix(kind, Sbom.packageName(Purl.parseLenient(p.path("purl").asText())), null,
                                p.path("version").asText(), null, cves));
                    }
                } catch (IllegalArgumentException e) {
                    // a version the client cannot order, or no package URL: it can match nothing installed
                }
            }
            collections.add(new Advisory.Collection(module, fixes));
        }
        String severity = a.path("severity").asText(null);
        return new Advisory(a.path("id").asText(), a.path("type").asText("bugfix"),
                severity == null || severity.equals("none") ? null : severity, a.path("title").asText(""),
                instant(a.path("issued").asText(null)), instant(a.path("updated").asText(null)),
                a.path("url").asText(null), refs, collections, true);
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
            return Mapper.JSON.createObjectNode();
        }
        try {
            JsonNode n = Mapper.JSON.readTree(cacheFile.toFile());
            return n instanceof ObjectNode o ? o : Mapper.JSON.createObjectNode();
        } catch (IOException e) {
            return Mapper.JSON.createObjectNode(); // a damaged cache is fetched again, whole
        }
    }

    private void writeCache(ObjectNode cache) {
        try {
            Files.createDirectories(cacheFile.getParent());
            Path tmp = Files.createTempFile(cacheFile.getParent(), "advisories", ".tmp");
            Mapper.JSON.writeValue(tmp.toFile(), cache);
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
