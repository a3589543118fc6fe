package org.paddock.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code paddock-client}: which advisories, and which module streams, apply to this host, an image or an SBOM.
 * Exit status, as {@code dnf check-update}: 0 when nothing applies, 100 when advisories apply (with
 * {@code --fail-on}, only those at or above that severity count), 1 with one line on standard error for input it
 * cannot read.
 */
@Command(name = "paddock-client", mixinStandardHelpOptions = true, versionProvider = PaddockClient.Version.class,
        description = "Which advisories and which module streams apply to this host, an image or an SBOM.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:nothing applies", "100:advisories apply", "1:an input could not be read", "2:bad usage"})
public final class PaddockClient {

    /** Advisories apply: as {@code dnf check-update} says "updates available". */
    public static final int APPLY = 100;

    public static void main(String[] args) {
        // buffered: a list of 100 000 lines is written at once, not flushed line by line
        PrintWriter out = new PrintWriter(new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16), false);
        int status = run(args, out, new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        out.flush();
        System.exit(status);
    }

    /**
     * The commands. Only the one a run names is given to picocli, whose model of a command costs a cold JVM tens of
     * milliseconds to build; without a known command first (help, a typo), all are.
     */
    private static final Map<String, Supplier<Base>> COMMANDS = commands();

    private static Map<String, Supplier<Base>> commands() {
        Map<String, Supplier<Base>> commands = new LinkedHashMap<>();
        commands.put("list", ListCommand::new);
        commands.put("modules", ModulesCommand::new);
        commands.put("summary", SummaryCommand::new);
        commands.put("info", InfoCommand::new);
        return commands;
    }

    /** Runs the client as the command line would; answers its exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new PaddockClient());
        Supplier<Base> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(named.get());
        } else {
            COMMANDS.values().forEach(c -> cli.addSubcommand(c.get()));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ClientException || e instanceof IOException) {
                err.println("paddock-client: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PaddockClient.class.getPackage().getImplementationVersion();
            return new String[] {"paddock-client " + (v == null ? "(development)" : v)};
        }
    }

    /** Where the installed packages and module streams come from. */
    static final class InventoryOptions {

        @Option(names = "--rpm-list", paramLabel = "FILE",
                description = "read the installed RPMs from FILE, the output of rpm -qa --qf "
                        + "'%%{NAME}|%%{EPOCH}|%%{VERSION}|%%{RELEASE}|%%{ARCH}|%%{MODULARITYLABEL}\\n' "
                        + "(default: run that query on this host)")
        Path rpmList;

        @Option(names = "--root", paramLabel = "DIR",
                description = "an unpacked image or another root: its rpmdb (rpm --root), its etc/dnf/modules.d, and "
                        + "the gems, wheels and jars in it, each under the RPM that owns its file")
        Path root;

        @Option(names = "--sbom", paramLabel = "FILE",
                description = "read what is installed from an SBOM (CycloneDX JSON 1.4-1.6 or SPDX 2.x JSON, with "
                        + "purls) instead of rpm -qa; with --root, only that root's modules.d is read besides")
        Path sbom;

        @Option(names = "--module", paramLabel = "NAME:STREAM", description = "mark a module stream enabled (repeatable)")
        List<String> modules = new ArrayList<>();

        @Option(names = "--rpm-vendor", paramLabel = "NAME",
                description = "the namespace of RPMs' package URLs in VEX output (default: ID in the root's /etc/os-release)")
        String vendor;

        @Option(names = "--arch", paramLabel = "ARCH",
                description = "the machine's arch, for module builds (default: the installed RPMs' arch)")
        String arch;

        Inventory load() throws IOException {
            List<Installed> packages;
            if (sbom != null && rpmList != null) {
                throw new ClientException("give either --sbom or --rpm-list, not both");
            }
            if (root != null && !Files.isDirectory(root)) {
                throw new ClientException("--root " + root + ": no such directory");
            }
            // an image's gems, wheels and jars are looked for while rpm reads its database
            Halves.Started<List<Installed>> inTree = root != null && sbom == null
                    ? Halves.start(() -> ImageScan.scan(root, ImageScan.rpmOwners(root))) : null;
            if (sbom != null) {
                packages = Sbom.read(sbom);
            } else if (rpmList != null) {
                try (BufferedReader r = Files.newBufferedReader(rpmList, StandardCharsets.UTF_8)) {
                    packages = RpmList.read(r, rpmList.toString());
                } catch (java.nio.file.NoSuchFileException e) {
                    throw new ClientException("cannot read " + rpmList + ": no such file");
                }
            } else {
                packages = queryRpm(root);
            }
            if (inTree != null) {
                packages = new ArrayList<>(packages);
                packages.addAll(inTree.get());
            }
            ModuleStates states = new ModuleStates();
            if (root != null || sbom == null) {
                ModulesDir.read(root == null ? Path.of("/") : root, states);
            }
            for (String m : modules) {
                String[] ns = m.split(":");
                if (ns.length != 2 || ns[0].isBlank() || ns[1].isBlank()) {
                    throw new ClientException("--module " + m + ": write it as NAME:STREAM, e.g. nginx:1.24");
                }
                states.enable(ns[0], ns[1]);
            }
            packages.stream().map(Installed::moduleStream).filter(s -> s != null).forEach(states::labelledBy);
            return new Inventory(packages, states, arch != null ? arch : Inventory.machineArch(packages),
                    vendor != null ? vendor : Inventory.osId(root == null ? Path.of("/") : root));
        }

        private static List<Installed> queryRpm(Path root) throws IOException {
            List<String> cmd = new ArrayList<>(List.of("rpm", "-qa", "--qf", RpmList.QUERY_FORMAT.replace("\\n", "\n")));
            if (root != null) {
                cmd.add(1, "--root");
                cmd.add(2, root.toAbsolutePath().toString());
            }
            Process p;
            try {
                p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new ClientException("cannot run rpm (" + e.getMessage() + "): give the installed packages with "
                        + "--rpm-list FILE");
            }
            List<Installed> packages;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                packages = RpmList.read(r, "rpm -qa");
            }
            try {
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new ClientException("rpm -qa failed" + (root == null ? "" : " for " + root));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClientException("interrupted while rpm -qa ran");
            }
            return packages;
        }
    }

    /** Where the advisories come from. */
    static final class AdvisoryOptions {

        @Option(names = "--updateinfo", paramLabel = "FILE", description = "an updateinfo.xml (.gz too)")
        Path updateinfo;

        @Option(names = "--server", paramLabel = "URL",
                description = "a Paddock server: its JSON advisories, cached between runs (304 when nothing changed)")
        java.net.URI server;

        @Option(names = "--release", paramLabel = "NAME", description = "with --server: the release (default: all)")
        String release;

        @Option(names = "--channel", paramLabel = "stable|testing", defaultValue = "stable",
                description = "with --server: stable (the default) or testing")
        String channel;

        @Option(names = "--cache", paramLabel = "DIR", description = "where the server's advisories and the index of an "
                + "updateinfo.xml are kept between runs (default: $XDG_CACHE_HOME/paddock-client or ~/.cache/paddock-client)")
        Path cache;

        @Option(names = "--no-cache", description = "read the updateinfo.xml itself every time, keep no index")
        boolean noCache;

        @Option(names = "--modules-yaml", paramLabel = "FILE",
                description = "the repository's modules.yaml: the module builds it publishes and their default streams")
        Path modulesYaml;

        /** @param installedNames the installed packages' names: an advisory's other packages are not kept */
        Source load(ModuleStates states, java.util.Set<String> installedNames) throws IOException {
            if ((updateinfo == null) == (server == null)) {
                throw new ClientException("say where the advisories are: --updateinfo FILE or --server URL (one of them)");
            }
            List<Advisory> advisories;
            if (server != null) {
                if (!channel.equals("stable") && !channel.equals("testing")) {
                    throw new ClientException("--channel " + channel + ": stable or testing");
                }
                if (server.getScheme() == null || !server.getScheme().matches("https?")) {
                    throw new ClientException("--server " + server + ": give the server's http:// or https:// address");
                }
                advisories = new ServerSource(server, release, channel, cache == null ? ServerSource.defaultCacheDir() : cache)
                        .fetch(installedNames).advisories();
            } else {
                if (!Files.isRegularFile(updateinfo)) {
                    throw new ClientException("cannot read " + updateinfo + ": no such file");
                }
                advisories = null;
                if (!noCache) {
                    try {
                        advisories = AdvisoryIndex.read(updateinfo, cache == null ? ServerSource.defaultCacheDir() : cache,
                                installedNames);
                    } catch (java.nio.file.FileSystemException e) {
                        // no cache to write here: read the file itself
                    }
                }
                if (advisories == null) {
                    try (InputStream in = Files.newInputStream(updateinfo)) {
                        advisories = UpdateinfoReader.read(in, updateinfo.toString(), installedNames::contains);
                    }
                }
            }
            ModulesYaml modules = null;
            if (modulesYaml != null) {
                try (Reader r = Files.newBufferedReader(modulesYaml, StandardCharsets.UTF_8)) {
                    modules = ModulesYaml.read(r, modulesYaml.toString());
                } catch (java.nio.file.NoSuchFileException e) {
                    throw new ClientException("cannot read " + modulesYaml + ": no such file");
                }
                modules.defaults().forEach(states::defaultStream);
            }
            return new Source(advisories, modules);
        }
    }

    record Source(List<Advisory> advisories, ModulesYaml modules) {
    }

    /** What every command shares: the inventory, the advisories, JSON or text, and what counts for the exit. */
    abstract static class Base implements Callable<Integer> {

        @Mixin
        InventoryOptionsMixin inventoryOptions;

        @Mixin
        AdvisoryOptionsMixin advisoryOptions;

        @Option(names = "--json", description = "write JSON (schema: see the README)")
        boolean json;

        @Option(names = "--format", paramLabel = "text|json|cyclonedx-vex", defaultValue = "text",
                description = "text (the default), json (as --json), or cyclonedx-vex: a CycloneDX 1.6 VEX document")
        String format;

        @Option(names = "--fail-on", paramLabel = "SEVERITY",
                description = "exit 100 only for advisories at or above SEVERITY (low, moderate, important, critical)")
        String failOn;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Inventory inventory;
        List<Applicability.Match> matches;

        void evaluate() throws IOException {
            switch (format) {
                case "text" -> { }
                case "json" -> json = true;
                case "cyclonedx-vex" -> { }
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--format " + format + ": one of text, json, cyclonedx-vex");
            }
            inventory = inventoryOptions.options.load();
            java.util.Set<String> names = new java.util.HashSet<>();
            inventory.packages().forEach(p -> names.add(p.name()));
            Source source = advisoryOptions.options.load(inventory.modules(), names);
            matches = new Applicability(inventory.packages(), inventory.modules(), source.modules(), inventory.arch())
                    .matches(source.advisories());
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** With {@code --format cyclonedx-vex}, writes {@code shown} as a VEX document and answers true. */
        boolean vex(List<Applicability.Match> shown) throws IOException {
            if (!format.equals("cyclonedx-vex")) {
                return false;
            }
            String v = PaddockClient.class.getPackage().getImplementationVersion();
            out().println(VexWriter.write(shown, inventory.vendor(), v == null ? "development" : v, java.time.Instant.now()));
            return true;
        }

        int exit(List<Advisory> applying) {
            int floor = failOn == null ? 0 : rank(failOn);
            if (failOn != null && floor < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--fail-on " + failOn + ": one of low, moderate, important, critical");
            }
            return applying.stream().anyMatch(a -> rank(a.severity()) >= floor) ? APPLY : 0;
        }

        static int rank(String severity) {
            if (severity == null) {
                return 0;
            }
            return List.of("none", "low", "moderate", "important", "critical").indexOf(severity.toLowerCase(Locale.ROOT));
        }

        static String json(Object value) throws IOException {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        }
    }

    static final class InventoryOptionsMixin {
        @CommandLine.ArgGroup(exclusive = false, heading = "%nWhat is installed:%n")
        InventoryOptions options = new InventoryOptions();
    }

    static final class AdvisoryOptionsMixin {
        @CommandLine.ArgGroup(exclusive = false, heading = "%nWhere the advisories are:%n")
        AdvisoryOptions options = new AdvisoryOptions();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The advisories that concern the installed packages, one line per package, "
            + "as dnf updateinfo list writes them.")
    static final class ListCommand extends Base {

        @Option(names = "--security") boolean security;
        @Option(names = "--bugfix") boolean bugfix;
        @Option(names = "--enhancement") boolean enhancement;
        @Option(names = "--newpackage") boolean newpackage;
        @Option(names = "--cve", paramLabel = "CVE", description = "only advisories for this CVE (repeatable)")
        Set<String> cves = new LinkedHashSet<>();
        @Option(names = "--bz", paramLabel = "ID", description = "only advisories for this Bugzilla id (repeatable)")
        Set<String> bugs = new LinkedHashSet<>();
        @Option(names = {"--severity", "--sec-severity", "--secseverity"}, paramLabel = "SEVERITY",
                description = "only advisories of this severity (repeatable)")
        Set<String> severities = new LinkedHashSet<>();
        @Option(names = "--available", description = "advisories with a newer package (the default)") boolean available;
        @Option(names = "--installed", description = "advisories whose packages are installed") boolean installed;
        @Option(names = "--updates", description = "as --available: the client knows no repository's packages")
        boolean updates;
        @Option(names = "--all", description = "both, installed ones marked i") boolean all;
        @Option(names = "--with-cve", description = "a line per CVE instead of per advisory") boolean withCve;
        @Option(names = "--with-bz", description = "a line per Bugzilla id instead of per advisory") boolean withBz;

        @Override
        public Integer call() throws IOException {
            evaluate();
            Set<String> types = new LinkedHashSet<>();
            if (security) types.add("security");
            if (bugfix) types.add("bugfix");
            if (enhancement) types.add("enhancement");
            if (newpackage) types.add("newpackage");
            Listing.Which which = all ? Listing.Which.ALL : installed ? Listing.Which.INSTALLED : Listing.Which.AVAILABLE;
            Listing.Filter filter = new Listing.Filter(which, types, cves, bugs, severities,
                    withCve ? "cve" : withBz ? "bugzilla" : null);
            List<Listing.Row> rows = Listing.rows(matches, filter);
            if (format.equals("cyclonedx-vex") && vex(rows.stream().map(Listing.Row::match).distinct().toList())) {
                // written
            } else if (json) {
                out().println(json(rows.stream().map(ListCommand::jsonRow).toList()));
            } else {
                Listing.write(rows, which == Listing.Which.ALL, out());
            }
            Listing.Filter applying = new Listing.Filter(Listing.Which.AVAILABLE, types, cves, bugs, severities, null);
            return exit(matches.stream().filter(m -> m.state() == Applicability.State.AVAILABLE
                    && applying.accepts(m.advisory())).map(Applicability.Match::advisory).distinct().toList());
        }

        private static Map<String, Object> jsonRow(Listing.Row r) {
            Applicability.Match m = r.match();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("advisory", m.advisory().id());
            row.put("type", m.advisory().type());
            row.put("severity", m.advisory().severityWord());
            row.put("state", m.state().name().toLowerCase(Locale.ROOT));
            row.put("package", m.fix().name());
            row.put("kind", m.fix().kind());
            row.put("installed", m.installed().version());
            row.put("fixed", m.fix().version());
            row.put("arch", m.fix().arch());
            row.put("module", m.moduleStream());
            row.put("cves", m.advisory().ids("cve"));
            row.put("bugs", m.advisory().ids("bugzilla"));
            row.put("url", m.advisory().url());
            return row;
        }
    }

    @Command(name = "modules", mixinStandardHelpOptions = true, description = "Every module stream that needs an update, with its advisories.")
    static final class ModulesCommand extends Base {

        @Option(names = {"-v", "--verbose"}, description = "also the packages inside each stream: installed → fixed")
        boolean verbose;

        @Override
        public Integer call() throws IOException {
            evaluate();
            List<ModuleReport.Stream> streams = ModuleReport.of(matches);
            if (vex(matches.stream().filter(m -> m.state() == Applicability.State.AVAILABLE && m.moduleStream() != null)
                    .toList())) {
                // written
            } else if (json) {
                out().println(json(jsonStreams(streams)));
            } else {
                ModuleReport.text(streams, verbose).forEach(out()::println);
            }
            return exit(streams.stream().flatMap(s -> s.advisories().stream()).map(ModuleReport.Item::advisory)
                    .distinct().toList());
        }

        /**
         * {@code [{module, advisories: [{advisory, type, severity, title, url, cves, bugs, packages: [{kind, name,
         * ownerRpm, installed, fixed, cves}]}]}]}: the advisory's fields by name, not the record (its times are not
         * JSON Jackson writes without a module).
         */
        static List<Map<String, Object>> jsonStreams(List<ModuleReport.Stream> streams) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (ModuleReport.Stream s : streams) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (ModuleReport.Item i : s.advisories()) {
                    Advisory a = i.advisory();
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("advisory", a.id());
                    item.put("type", a.type());
                    item.put("severity", a.severityWord());
                    item.put("title", a.title());
                    item.put("url", a.url());
                    item.put("cves", a.ids("cve"));
                    item.put("bugs", a.ids("bugzilla"));
                    List<Map<String, Object>> packages = new ArrayList<>();
                    for (ModuleReport.Package p : i.packages()) {
                        Map<String, Object> pkg = new LinkedHashMap<>();
                        pkg.put("kind", p.kind());
                        pkg.put("name", p.name());
                        pkg.put("ownerRpm", p.ownerRpm());
                        pkg.put("installed", p.installed());
                        pkg.put("fixed", p.fixed());
                        pkg.put("cves", p.cves());
                        packages.add(pkg);
                    }
                    item.put("packages", packages);
                    items.add(item);
                }
                Map<String, Object> stream = new LinkedHashMap<>();
                stream.put("module", s.module());
                stream.put("advisories", items);
                out.add(stream);
            }
            return out;
        }
    }

    @Command(name = "summary", mixinStandardHelpOptions = true, description = "How many advisories apply, by type and severity, as dnf updateinfo summary.")
    static final class SummaryCommand extends Base {

        @Override
        public Integer call() throws IOException {
            evaluate();
            List<Advisory> applying = Applicability.applying(matches);
            Summary summary = Summary.of(applying);
            if (json) {
                out().println(json(summary.counts()));
            } else {
                summary.text().forEach(out()::println);
            }
            return exit(applying);
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "One advisory: what it is, what it refers to, and its packages on this host.")
    static final class InfoCommand extends Base {

        @CommandLine.Parameters(paramLabel = "ID", description = "the advisory's id, e.g. FEDORA-2026-1a2b3c4d5e")
        String id;

        @Override
        public Integer call() throws IOException {
            evaluate();
            List<Applicability.Match> mine = matches.stream().filter(m -> m.advisory().id().equals(id)).toList();
            Advisory a = mine.isEmpty() ? null : mine.get(0).advisory();
            if (a == null) {
                throw new ClientException("no advisory " + id + " concerns the installed packages");
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("id", a.id());
                doc.put("title", a.title());
                doc.put("type", a.type());
                doc.put("severity", a.severityWord());
                doc.put("issued", a.issued() == null ? null : a.issued().toString());
                doc.put("updated", a.updated() == null ? null : a.updated().toString());
                doc.put("url", a.url());
                doc.put("cves", a.ids("cve"));
                doc.put("bugs", a.ids("bugzilla"));
                doc.put("packages", mine.stream().map(m -> Map.of("package", m.fix().nevra(),
                        "installed", m.installed().version(), "state", m.state().name().toLowerCase(Locale.ROOT),
                        "module", m.moduleStream() == null ? "" : m.moduleStream())).toList());
                out().println(json(doc));
            } else {
                String rule = "=".repeat(79);
                out().println(rule);
                out().println("  " + a.title());
                out().println(rule);
                row("Update ID", a.id());
                row("Type", a.type());
                row("Severity", a.severityWord() == null ? "None" : a.severityWord());
                if (a.updated() != null) {
                    row("Updated", a.updated().toString().replace('T', ' ').replace("Z", ""));
                }
                if (!a.ids("cve").isEmpty()) {
                    row("CVEs", String.join(" ", a.ids("cve")));
                }
                if (!a.ids("bugzilla").isEmpty()) {
                    row("Bugs", String.join(" ", a.ids("bugzilla")));
                }
                if (a.url() != null) {
                    row("URL", a.url());
                }
                for (Applicability.Match m : mine) {
                    row(m.state() == Applicability.State.AVAILABLE ? "Update" : "Installed",
                            m.installed().nevra() + (m.state() == Applicability.State.AVAILABLE ? " → " + m.fix().nevra() : "")
                                    + (m.moduleStream() == null ? "" : "  [" + m.moduleStream() + "]"));
                }
            }
            return exit(mine.stream().filter(m -> m.state() == Applicability.State.AVAILABLE)
                    .map(Applicability.Match::advisory).distinct().toList());
        }

        private void row(String label, String value) {
            out().println(String.format("%11s: %s", label, value));
        }
    }
}
