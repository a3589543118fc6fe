package org.paddock.client;

import org.paddock.artifact.Purl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The gems, wheels and jars in an unpacked image (or any root): {@code specifications/*.gemspec} and Ruby's default
 * gems' {@code specifications/default/*.gemspec} (name and version from its {@code s.name}/{@code s.version} lines,
 * else from the file name), {@code *.dist-info/METADATA} and the older {@code *.egg-info/PKG-INFO} or single-file
 * {@code *.egg-info} that distributions' Python RPMs still ship ({@code Name:} and {@code Version:}) and the {@code META-INF/maven/GROUP/ARTIFACT/pom.properties} inside each
 * {@code *.jar}. Each is attributed to the RPM that owns its file, when one does, so it is reported once, under that RPM.
 *
 * <p>The walk is bounded: it never follows a symbolic link (so it stays inside the root), skips {@code /proc},
 * {@code /sys} and {@code /dev}, goes at most {@link #MAX_DEPTH} directories deep, and reads at most
 * {@link #MAX_READ} bytes of any one manifest.
 */
final class ImageScan {

    static final int MAX_DEPTH = 32;
    static final int MAX_READ = 256 * 1024;
    static final int MAX_JAR_ENTRIES = 100_000;

    private static final Set<String> SKIPPED = Set.of("proc", "sys", "dev");
    private static final Pattern GEM_NAME = Pattern.compile("^\\s*\\w+\\.name\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.MULTILINE);
    private static final Pattern GEM_VERSION = Pattern.compile("^\\s*\\w+\\.version\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.MULTILINE);
    private static final Pattern GEM_FILE = Pattern.compile("(.+?)-(\\d[^-]*)(-.+)?\\.gemspec");

    /** One package found: its kind, name, version, and its file as the image's rpmdb names it ({@code /usr/...}). */
    record Found(String kind, String name, String version, String file) {
    }

    private ImageScan() {
    }

    /**
     * @param owners answers, for files named as the image sees them ({@code /usr/share/...}), the RPM that owns each
     *               (files no RPM owns left out)
     */
    static List<Installed> scan(Path root, Function<List<String>, Map<String, String>> owners) throws IOException {
        List<Found> found = find(root);
        Map<String, String> owner = found.isEmpty() ? Map.of() : owners.apply(found.stream().map(Found::file).toList());
        List<Installed> out = new ArrayList<>();
        for (Found f : found) {
            out.add(new Installed(f.kind(), f.name(), null, f.version(), null, null, owner.get(f.file())));
        }
        return Sbom.dedupe(out);
    }

    static List<Found> find(Path root) throws IOException {
        Path top = root.toAbsolutePath().normalize();
        List<Found> found = new ArrayList<>();
        Files.walkFileTree(top, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                Path rel = top.relativize(dir);
                return rel.getNameCount() == 1 && SKIPPED.contains(rel.toString()) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                String name = file.getFileName().toString();
                String parent = file.getParent() == null || file.getParent().getFileName() == null ? ""
                        : file.getParent().getFileName().toString();
                String inImage = "/" + top.relativize(file).toString().replace('\\', '/');
                if (name.endsWith(".gemspec") && (parent.equals("specifications") || (parent.equals("default")
                        && file.getParent().getParent().getFileName().toString().equals("specifications")))) {
                    gem(file, name, inImage, found);
                } else if ((name.equals("METADATA") && parent.endsWith(".dist-info"))
                        || (name.equals("PKG-INFO") && parent.endsWith(".egg-info")) || name.endsWith(".egg-info")) {
                    wheel(file, inImage, found);
                } else if (name.endsWith(".jar")) {
                    jar(file, inImage, found);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    private static void gem(Path file, String fileName, String inImage, List<Found> out) {
        String text = head(file);
        Matcher n = GEM_NAME.matcher(text);
        Matcher v = GEM_VERSION.matcher(text);
        if (n.find() && v.find()) {
            out.add(new Found("gem", n.group(1), v.group(1), inImage));
            return;
        }
        Matcher f = GEM_FILE.matcher(fileName);
        if (f.matches()) {
            out.add(new Found("gem", f.group(1), f.group(2), inImage));
        }
    }

    private static void wheel(Path file, String inImage, List<Found> out) {
        String name = null;
        String version = null;
        for (String line : head(file).split("\r?\n")) {
            if (line.isEmpty()) {
                break; // the headers end at the first empty line; the description follows
            }
            if (name == null && line.startsWith("Name:")) {
                name = line.substring(5).strip();
            } else if (version == null && line.startsWith("Version:")) {
                version = line.substring(8).strip();
            }
        }
        if (name != null && !name.isEmpty() && version != null && !version.isEmpty()) {
            try {
                out.add(new Found("pypi", Purl.of("pypi", null, name, version).name(), version, inImage));
            } catch (IllegalArgumentException e) {
                // not a name a purl can hold: not a package the advisories can name either
            }
        }
    }

    private static void jar(Path file, String inImage, List<Found> out) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            for (int i = 0; entries.hasMoreElements() && i < MAX_JAR_ENTRIES; i++) {
                ZipEntry e = entries.nextElement();
                String n = e.getName();
                if (!n.startsWith("META-INF/maven/") || !n.endsWith("/pom.properties") || e.getSize() > MAX_READ) {
                    continue;
                }
                Properties p = new Properties();
                try (InputStream in = zip.getInputStream(e)) {
                    p.load(new InputStreamReader(new BoundedInput(in, MAX_READ), StandardCharsets.ISO_8859_1));
                }
                String g = p.getProperty("groupId");
                String a = p.getProperty("artifactId");
                String v = p.getProperty("version");
                if (g != null && a != null && v != null && !g.isBlank() && !a.isBlank() && !v.isBlank()) {
                    out.add(new Found("maven", g.strip() + ":" + a.strip(), v.strip(), inImage));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // not a zip the JDK can read: no package to report from it
        }
    }

    /** The first {@link #MAX_READ} bytes of a file as UTF-8; empty when it cannot be read. */
    private static String head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_READ), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** An input stream that ends after {@code limit} bytes. */
    private static final class BoundedInput extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInput(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buf, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    /**
     * The owners the image's rpmdb records: one {@code rpm --root ROOT -qa} listing every package's files, kept only
     * for the files asked about. Where rpm cannot be run at all, no file has an owner.
     */
    static Function<List<String>, Map<String, String>> rpmOwners(Path root) {
        return files -> {
            Set<String> wanted = Set.copyOf(files);
            List<String> cmd = List.of("rpm", "--root", root.toAbsolutePath().toString(), "-qa", "--qf",
                    "[%{FILENAMES}\t%{NAME}\n]");
            Map<String, String> owners = new HashMap<>();
            Process p;
            try {
                p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                return owners; // no rpm here (the RPMs came from --rpm-list): no owner is known
            }
            try {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        int tab = line.lastIndexOf('\t');
                        if (tab > 0 && wanted.contains(line.substring(0, tab))) {
                            owners.putIfAbsent(line.substring(0, tab), line.substring(tab + 1));
                        }
                    }
                }
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new ClientException("rpm --root " + root + " -qa took over 120 s");
                }
            } catch (IOException e) {
                throw new ClientException("cannot run rpm to find who owns the gems, wheels and jars in " + root
                        + " (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClientException("interrupted while rpm -qa ran");
            }
            return owners;
        };
    }
}
