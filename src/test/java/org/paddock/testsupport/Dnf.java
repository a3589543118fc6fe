package org.paddock.testsupport;

import org.paddock.artifact.Nevra;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real dnf (dnf 4 / libdnf / libsolv) reading an {@code updateinfo.xml} and a {@code modules.yaml}, in a
 * throwaway repository and installroot, so a test sees what a client of Paddock's feeds sees.
 *
 * <p>{@link #setUp} builds, in its work directory: an empty yum repository ({@code createrepo_c}) with the
 * updateinfo and the modules injected ({@code modifyrepo_c}); an installroot whose rpmdb holds file-less stub
 * packages for the installed NEVRAs (built with {@code rpmbuild}, recorded with {@code rpm --justdb}); the
 * enabled module streams; and a {@code dnf.conf} that sees only that repository, never the network nor the
 * host's repositories, caches and logs. It then parses the metadata once ({@code makecache}); {@link #run}
 * works from that cache.
 *
 * <p>What dnf needs, and ignores without a word when it is missing:
 * <ul>
 *   <li>An advisory package counts only when an installed package has its name and arch; a newer EVR makes
 *       the advisory "available" (plain {@code updateinfo list}), an equal or older one "installed" (only
 *       with {@code --all}). A missing {@code epoch} attribute is epoch 0.</li>
 *   <li>A {@code <collection>} with {@code <module>} counts only when the repository's modules.yaml has that
 *       name, stream <em>and context</em> (the version does not matter), its stream is enabled, its arch fits
 *       the machine and its {@code platform} requirement is {@link #PLATFORM}. So dnf here always runs as
 *       on an {@link #ARCH} machine, whatever the host. A stream is enabled the way {@code dnf module enable}
 *       records it ({@code etc/dnf/modules.d/NAME.module}, {@code state=enabled}); without it dnf hides the
 *       module's advisories.</li>
 *   <li>Dates: {@code YYYY-MM-DD HH:MM:SS} (UTC) or epoch seconds; anything else (ISO {@code T…Z}, a bare
 *       date) becomes 0 and dnf shows 1970-01-01. dnf prints local time, so dnf runs with {@code TZ=UTC}.</li>
 * </ul>
 * Parse errors are not failures for dnf: see {@link #loadProblems()}.
 *
 * <p>Works as root and as a normal user (whose dnf, as always, keeps an empty {@code /var/tmp/dnf-USER-*}).
 * Not thread-safe; one instance per work directory.
 */
public final class Dnf {

    /** The {@code module_platform_id}: a modules.yaml that requires a platform must require this one. */
    public static final String PLATFORM = "platform:f45";
    /** The {@code releasever}. */
    public static final String RELEASEVER = "45";
    /** The machine dnf believes it runs on ({@code --forcearch}): module builds for another arch never count. */
    public static final String ARCH = "x86_64";

    private static final String REPO_ID = "paddock-test";
    private static final long TIMEOUT_SECONDS = 120;
    private static final Map<String, String> TOOLS = toolPackages();
    private static final Pattern MODULE_STREAM = Pattern.compile("([^:\\s/]+):([^:\\s/]+)");
    private static final Pattern LOG_RECORD = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\dT\\S+ (DDEBUG|DEBUG|SUBDEBUG|TRACE|INFO|WARNING|ERROR|CRITICAL) (.*)$");
    /** libsolv's parse errors ({@code repo_updateinfoxml: no element found at line 26:17}) are logged at INFO. */
    private static final Pattern LIBSOLV_ERROR = Pattern.compile("^repo_\\w+: .*");
    /** What libdnf prints on stderr only, never into a log: modulemd errors, and its crash on unparsable YAML. */
    private static final Pattern STDERR_PROBLEM = Pattern.compile(
            "^(Module yaml error: .*|terminate called .*|\\s*what\\(\\): .*)$");

    private final Path workDir;
    private final Path root;
    private final Path conf;
    private final Set<String> stderrProblems = new LinkedHashSet<>();
    private int runs;

    private Dnf(Path workDir) {
        this.workDir = workDir;
        this.root = workDir.resolve("root");
        this.conf = workDir.resolve("conf/dnf.conf");
    }

    /**
     * Fails when a tool the harness runs is not on the PATH.
     *
     * @throws IllegalStateException naming each missing tool and the Debian package that provides it
     */
    public static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        Set<String> packages = new LinkedHashSet<>();
        TOOLS.forEach((tool, pkg) -> {
            if (!onPath(tool)) {
                missing.add(tool + " (Debian package " + pkg + ")");
                packages.add(pkg);
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the dnf test harness needs " + String.join(", ", missing)
                    + ", not found on the PATH: run 'apt-get install " + String.join(" ", packages)
                    + "' (.ci/run does it)");
        }
    }

    /**
     * A repository and an installroot in {@code workDir} (absent or empty), ready for {@link #run}.
     *
     * @param updateinfoXml  the updateinfo to publish (plain XML)
     * @param modulesYaml    the modules to publish (modulemd YAML stream), or {@code null} for none
     * @param installed      the installed packages, {@code name-[epoch:]version-release.arch}
     * @param enabledModules module streams to enable, {@code name:stream}; each must be in {@code modulesYaml}
     * @throws IllegalStateException when a tool is missing or fails, with its output
     */
    public static Dnf setUp(Path workDir, Path updateinfoXml, Path modulesYaml, List<String> installed,
                            List<String> enabledModules) throws IOException, InterruptedException {
        requireInstalled();
        List<Nevra> packages = parseInstalled(installed);
        Map<String, String> streams = parseStreams(enabledModules);
        if (modulesYaml == null && !streams.isEmpty()) {
            throw new IllegalArgumentException("enabling " + enabledModules + " needs a modules.yaml that has them");
        }
        Path dir = workDir.toAbsolutePath().normalize();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("work directory " + dir + " is not empty");
                }
            }
        }
        Files.createDirectories(dir.resolve("out"));
        Dnf dnf = new Dnf(dir);
        dnf.createRepository(updateinfoXml, modulesYaml);
        dnf.createRpmdb(packages);
        dnf.writeConfiguration(streams);
        dnf.loadMetadata(modulesYaml != null, streams);
        return dnf;
    }

    /** The installroot: its rpmdb holds the installed packages, its {@code etc/dnf/modules.d} the module states. */
    public Path root() {
        return root;
    }

    /**
     * Runs {@code dnf -q -y -C} in the installroot with {@code args}, e.g. {@code "updateinfo", "list", "--all"}
     * (add {@code -v} for more). Never throws for dnf's own failures: look at {@link Result#exitCode()}.
     */
    public Result run(String... args) throws IOException, InterruptedException {
        List<String> command = dnfCommand("-C", "-q", "-y");
        command.addAll(Arrays.asList(args));
        return dnf(command);
    }

    /**
     * Runs dnf as {@link #run} does, but with the plugins of {@code pluginDir} (only those) and their
     * configuration files in {@code pluginConfDir}.
     */
    public Result runWithPlugins(Path pluginDir, Path pluginConfDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(dnfCommand("-C", "-q", "-y", "--setopt=plugins=1",
                "--setopt=pluginpath=" + pluginDir.toAbsolutePath(), "--setopt=pluginconfpath=" + pluginConfDir.toAbsolutePath()));
        command.remove("--noplugins");
        command.addAll(Arrays.asList(args));
        return dnf(command);
    }

    /** What dnf prints: its exit status, standard output and standard error. */
    public record Result(int exitCode, String out, String err) {

        /** Standard output, line by line, without blank lines and trailing spaces. */
        public List<String> lines() {
            return out.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
        }
    }

    /**
     * The problems dnf met reading the metadata, which it does not treat as errors: libsolv's parse errors
     * (hawkey.log, at INFO level: an XML error keeps the advisories before it and drops the rest), warnings
     * and errors in dnf.log (e.g. "Modular dependency problem"), and what libdnf printed on standard error in
     * the runs so far ("Module yaml error: …": the module is dropped, dnf exits 0; modules are read by the
     * commands that need them, not by {@code makecache}). Empty when dnf read everything.
     */
    public List<String> loadProblems() throws IOException {
        Set<String> problems = new LinkedHashSet<>();
        for (LogRecord r : logRecords(root.resolve("var/log/hawkey.log"))) {
            if (r.level().matches("WARNING|ERROR|CRITICAL") || LIBSOLV_ERROR.matcher(r.text()).matches()) {
                problems.add("hawkey.log: " + r.level() + " " + r.text());
            }
        }
        for (LogRecord r : logRecords(root.resolve("var/log/dnf.log"))) {
            if (r.level().matches("WARNING|ERROR|CRITICAL")) {
                problems.add("dnf.log: " + r.level() + " " + r.text());
            }
        }
        problems.addAll(stderrProblems);
        return List.copyOf(problems);
    }

    // ------------------------------------------------------------------------------------------ set-up steps

    private void createRepository(Path updateinfoXml, Path modulesYaml) throws IOException, InterruptedException {
        Path repo = Files.createDirectories(workDir.resolve("repo"));
        Path in = Files.createDirectories(workDir.resolve("in"));
        tool("createrepo_c", "--quiet", "--no-database", repo.toString());
        Path updateinfo = Files.copy(updateinfoXml, in.resolve("updateinfo.xml"));
        tool("modifyrepo_c", "--mdtype=updateinfo", updateinfo.toString(), repo.resolve("repodata").toString());
        if (modulesYaml != null) {
            Path modules = Files.copy(modulesYaml, in.resolve("modules.yaml"));
            tool("modifyrepo_c", "--mdtype=modules", modules.toString(), repo.resolve("repodata").toString());
        }
    }

    /**
     * dnf reads the rpmdb at {@code <installroot>/%{_dbpath}}, the macro as the host's rpm expands it
     * (Debian: {@code ~/.rpmdb}, Fedora: {@code /usr/lib/sysimage/rpm}), so rpm writes it there.
     */
    private void createRpmdb(List<Nevra> packages) throws IOException, InterruptedException {
        Files.createDirectories(root);
        String dbpath = tool("rpm", "--eval", "%{_dbpath}").out().strip();
        if (packages.isEmpty()) {
            tool("rpm", "--root", root.toString(), "--dbpath", dbpath, "--initdb");
            return;
        }
        List<String> command = new ArrayList<>(List.of("rpm", "--root", root.toString(), "--dbpath", dbpath,
                "-i", "--justdb", "--nodeps", "--noscripts", "--notriggers", "--ignorearch", "--ignoreos"));
        for (Path rpm : buildStubs(packages)) {
            command.add(rpm.toString());
        }
        tool(command.toArray(String[]::new));
    }

    /**
     * One file-less sub-package per NEVRA, each with its own epoch, version and release; one spec per arch
     * and per "round", since a spec names a package once and a name may be installed in several versions.
     */
    private List<Path> buildStubs(List<Nevra> packages) throws IOException, InterruptedException {
        Map<String, List<Map<String, Nevra>>> rounds = new LinkedHashMap<>();
        for (Nevra p : packages) {
            List<Map<String, Nevra>> archRounds = rounds.computeIfAbsent(p.arch(), a -> new ArrayList<>());
            Map<String, Nevra> round = archRounds.stream().filter(r -> !r.containsKey(p.name())).findFirst()
                    .orElseGet(() -> {
                        Map<String, Nevra> fresh = new LinkedHashMap<>();
                        archRounds.add(fresh);
                        return fresh;
                    });
            round.put(p.name(), p);
        }
        Path stubs = Files.createDirectories(workDir.resolve("stubs"));
        Path top = stubs.resolve("rpmbuild");
        Files.createDirectories(top.resolve("tmp"));
        for (var arch : rounds.entrySet()) {
            for (int i = 0; i < arch.getValue().size(); i++) {
                Path spec = Files.writeString(stubs.resolve(arch.getKey() + "-" + i + ".spec"),
                        stubSpec(arch.getKey(), arch.getValue().get(i).values()));
                List<String> command = new ArrayList<>(List.of("rpmbuild", "-bb", "--quiet",
                        "--define", "_topdir " + top, "--define", "_tmppath " + top.resolve("tmp"),
                        "--define", "_build_id_links none", "--define", "debug_package %{nil}"));
                if (!arch.getKey().equals("noarch")) {
                    command.addAll(List.of("--target", arch.getKey()));
                }
                command.add(spec.toString());
                tool(command.toArray(String[]::new));
            }
        }
        try (Stream<Path> files = Files.walk(top.resolve("RPMS"))) {
            return files.filter(f -> f.toString().endsWith(".rpm")).sorted().toList();
        }
    }

    private static String stubSpec(String arch, Collection<Nevra> packages) {
        StringBuilder spec = new StringBuilder("""
                Name: paddock-dnf-stubs
                Version: 0
                Release: 0
                Summary: installed-package stubs for the dnf test harness
                License: MIT
                """);
        if (arch.equals("noarch")) {
            spec.append("BuildArch: noarch\n");
        }
        spec.append("%description\nstubs\n");
        for (Nevra p : packages) {
            spec.append("\n%package -n ").append(p.name()).append('\n');
            if (p.epoch() != null) {
                spec.append("Epoch: ").append(p.epoch()).append('\n');
            }
            spec.append("Version: ").append(p.version()).append('\n')
                    .append("Release: ").append(p.release()).append('\n')
                    .append("Summary: stub\n")
                    .append("%description -n ").append(p.name()).append("\nstub\n")
                    .append("%files -n ").append(p.name()).append('\n');
        }
        return spec.toString();
    }

    /**
     * Everything dnf could take from the host is pinned here: repositories, variables, cache, logs and
     * history live in the installroot (dnf prefixes these paths with it), also for a normal user, whose dnf
     * would otherwise cache and log in {@code /var/tmp/dnf-USER-*}. A stream is enabled the way {@code dnf module enable} records
     * it, in {@code etc/dnf/modules.d}; that command itself refuses to run as a normal user.
     */
    private void writeConfiguration(Map<String, String> streams) throws IOException {
        Path reposDir = Files.createDirectories(workDir.resolve("conf/repos.d"));
        Path varsDir = Files.createDirectories(workDir.resolve("conf/vars"));
        Files.writeString(conf, """
                [main]
                reposdir=%s
                varsdir=%s
                cachedir=/var/cache/dnf
                logdir=/var/log
                persistdir=/var/lib/dnf
                module_platform_id=%s
                plugins=0
                gpgcheck=0
                repo_gpgcheck=0
                localpkg_gpgcheck=0
                skip_if_unavailable=0
                metadata_expire=-1
                install_weak_deps=0
                keepcache=0
                """.formatted(reposDir, varsDir, PLATFORM));
        Files.writeString(reposDir.resolve(REPO_ID + ".repo"), """
                [%s]
                name=Paddock feed under test
                baseurl=%s
                enabled=1
                gpgcheck=0
                """.formatted(REPO_ID, workDir.resolve("repo").toUri()));
        for (String dir : List.of("var/cache/dnf", "var/log", "var/lib/dnf")) {
            Files.createDirectories(root.resolve(dir)); // a normal user's dnf cannot create its history without
        }
        Path modulesD = Files.createDirectories(root.resolve("etc/dnf/modules.d"));
        for (var s : streams.entrySet()) {
            Files.writeString(modulesD.resolve(s.getKey() + ".module"), """
                    [%1$s]
                    name=%1$s
                    stream=%2$s
                    profiles=
                    state=enabled
                    """.formatted(s.getKey(), s.getValue()));
        }
    }

    /**
     * {@code makecache} parses the repository (libsolv writes its errors to hawkey.log); {@code module list}
     * reads the modules (libdnf prints their errors) and proves that every stream asked for is enabled,
     * since dnf quietly ignores an enabled stream that no modules.yaml offers.
     */
    private void loadMetadata(boolean hasModules, Map<String, String> streams)
            throws IOException, InterruptedException {
        Result makecache = dnf(dnfCommand("-q", "makecache"));
        if (makecache.exitCode() != 0) {
            throw new IllegalStateException("dnf makecache failed: " + makecache);
        }
        if (!hasModules) {
            return;
        }
        Result list = run("module", "list");
        if (streams.isEmpty()) {
            return;
        }
        if (list.exitCode() != 0) {
            throw new IllegalStateException("dnf module list failed: " + list);
        }
        Set<String> enabled = new LinkedHashSet<>();
        for (String line : list.lines()) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 3 && cols[2].matches("(\\[[a-z]])+") && cols[2].contains("[e]")) {
                enabled.add(cols[0] + ":" + cols[1]);
            }
        }
        for (var s : streams.entrySet()) {
            if (!enabled.contains(s.getKey() + ":" + s.getValue())) {
                throw new IllegalStateException("dnf did not enable module stream " + s.getKey() + ":"
                        + s.getValue() + " (is it in modules.yaml, for " + ARCH + " and " + PLATFORM
                        + "?); dnf module list said:\n" + list.out() + list.err());
            }
        }
    }

    // ------------------------------------------------------------------------------------------ processes

    private List<String> dnfCommand(String... args) {
        List<String> command = new ArrayList<>(List.of("dnf", "-c", conf.toString(), "--installroot=" + root,
                "--releasever=" + RELEASEVER, "--forcearch=" + ARCH, "--noplugins", "--color=never"));
        command.addAll(Arrays.asList(args));
        return command;
    }

    private Result dnf(List<String> command) throws IOException, InterruptedException {
        Result result = exec(command);
        result.err().lines().filter(l -> STDERR_PROBLEM.matcher(l).matches())
                .forEach(l -> stderrProblems.add("stderr: " + l.strip()));
        return result;
    }

    /** Runs a set-up tool, failing with its output when it does not exit 0. */
    private Result tool(String... command) throws IOException, InterruptedException {
        Result result = exec(List.of(command));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + result.exitCode() + ":\n"
                    + result.err() + result.out());
        }
        return result;
    }

    /**
     * English messages and UTC times (dnf prints advisory dates in local time); output to files, so no
     * pipe can fill up; no standard input, so no prompt can wait.
     */
    private Result exec(List<String> command) throws IOException, InterruptedException {
        int n = ++runs;
        Path out = workDir.resolve("out/" + n + ".out");
        Path err = workDir.resolve("out/" + n + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().put("TZ", "UTC");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS
                    + " s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------ parsing

    private static List<Nevra> parseInstalled(List<String> installed) {
        Map<String, Nevra> unique = new LinkedHashMap<>();
        for (String s : installed) {
            Nevra n = Nevra.parse(s);
            if (n.isSource()) {
                throw new IllegalArgumentException("installed package " + s + " is a source package");
            }
            unique.putIfAbsent(n.toString(), n);
        }
        return List.copyOf(unique.values());
    }

    private static Map<String, String> parseStreams(List<String> enabledModules) {
        Map<String, String> streams = new LinkedHashMap<>();
        for (String s : enabledModules) {
            Matcher m = MODULE_STREAM.matcher(s);
            if (!m.matches()) {
                throw new IllegalArgumentException("module stream '" + s + "' is not name:stream");
            }
            String earlier = streams.putIfAbsent(m.group(1), m.group(2));
            if (earlier != null && !earlier.equals(m.group(2))) {
                throw new IllegalArgumentException("module " + m.group(1) + " enabled twice: " + earlier + " and "
                        + m.group(2) + " (dnf enables one stream of a module)");
            }
        }
        return streams;
    }

    private record LogRecord(String level, String text) {
    }

    /** A log's records; a record's continuation lines (e.g. the "  - nothing provides …" list) join it. */
    private static List<LogRecord> logRecords(Path log) throws IOException {
        List<LogRecord> records = new ArrayList<>();
        if (!Files.exists(log)) {
            return records;
        }
        String level = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = LOG_RECORD.matcher(line);
            if (m.matches()) {
                if (level != null) {
                    records.add(new LogRecord(level, text.toString().strip()));
                }
                level = m.group(1);
                text.setLength(0);
                text.append(m.group(2));
            } else if (level != null && !line.isBlank()) {
                text.append(' ').append(line.strip());
            }
        }
        if (level != null) {
            records.add(new LogRecord(level, text.toString().strip()));
        }
        return records;
    }

    // ------------------------------------------------------------------------------------------ tools

    private static Map<String, String> toolPackages() {
        Map<String, String> tools = new LinkedHashMap<>();
        tools.put("dnf", "dnf");
        tools.put("createrepo_c", "createrepo-c");
        tools.put("modifyrepo_c", "createrepo-c");
        tools.put("rpm", "rpm");
        tools.put("rpmbuild", "rpm");
        return tools;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
