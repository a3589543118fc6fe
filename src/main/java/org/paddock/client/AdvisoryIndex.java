package org.paddock.client;

import org.paddock.artifact.Evr;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Advisories read once and kept on disk, indexed by package name, so that later runs read only the packages the host
 * has — what dnf's {@code makecache} is to dnf's solv files. The source is an updateinfo.xml or the client's cache of a
 * Paddock server's advisories: the first run reads it whole and writes the index; a run whose source has the same
 * size, modification time and fingerprint maps the index, looks up each installed name in its hash table, then reads
 * only the advisories those names lead to.
 *
 * <p>Layout (big-endian): a header (magic, the file's size and mtime, counts), tables of where each string, advisory
 * and hash bucket starts (a name goes to bucket {@code String.hashCode() & (buckets - 1)}), the EVRs as three string
 * numbers each, then the strings (each once: a length and UTF-8 bytes), the advisories (id, type, severity, title,
 * dates, url, whether it names CVEs per package, references, collections' modules; strings by number) and the buckets (for each name: the length of
 * its block, its distinct packages as kind, EVR, version, arch and the CVEs each fixes, then its entries as advisory,
 * collection, place in the source and package).
 */
public final class AdvisoryIndex {

    private static final long MAGIC = 0x5044_4B49_4458_0005L; // "PDKIDX" and the layout's version
    private static final int HEADER = 8 + 8 + 8 + 4 + 4 + 4 + 4;

    private AdvisoryIndex() {
    }

    /** Reads every advisory of a source, for the index to be made from. */
    @FunctionalInterface
    public interface Source {
        List<Advisory> readAll() throws IOException;
    }

    /**
     * The advisories of an updateinfo.xml that name a package {@code installed} names, from the index in
     * {@code cacheDir} (made or remade first when missing or older than the file).
     */
    public static List<Advisory> read(Path updateinfo, Path cacheDir, Set<String> installed) throws IOException {
        return read(updateinfo, cacheDir, installed, () -> {
            try (InputStream in = Files.newInputStream(updateinfo)) {
                return UpdateinfoReader.read(in, updateinfo.toString());
            }
        });
    }

    /**
     * The advisories of {@code file}, as {@code all} reads them, that name a package {@code installed} names, from
     * the index in {@code cacheDir} (made or remade first when missing or older than the file).
     */
    public static List<Advisory> read(Path file, Path cacheDir, Set<String> installed, Source all) throws IOException {
        Path index = indexFile(file, cacheDir);
        long size = Files.size(file);
        long mtime = Files.getLastModifiedTime(file).toMillis() ^ (fingerprint(file, size) << 20);
        if (!fresh(index, size, mtime)) {
            write(all.readAll(), index, size, mtime);
        }
        Found found;
        try (FileChannel ch = FileChannel.open(index, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new ClientException(index + ": an index over 2 GB; run with --no-cache");
            }
            // the mapping stays valid once the channel is closed
            found = new Found(index, new Mapped(index, ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size())));
        }
        installed.forEach(found::add);
        return found.advisories();
    }

    /** A CRC of the file's first and last 64 KiB: a file rewritten in the same millisecond to the same size differs. */
    private static long fingerprint(Path file, long size) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            ch.read(buf, 0);
            buf.flip();
            crc.update(buf);
            buf.clear();
            ch.read(buf, Math.max(0, size - (1 << 16)));
            buf.flip();
            crc.update(buf);
        }
        return crc.getValue();
    }

    static Path indexFile(Path updateinfo, Path cacheDir) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(updateinfo.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return cacheDir.resolve("index").resolve(HexFormat.of().formatHex(digest, 0, 12) + ".idx");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean fresh(Path index, long size, long mtime) {
        if (!Files.isRegularFile(index)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(index, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(24);
            return ch.read(head, 0) == 24 && head.getLong(0) == MAGIC && head.getLong(8) == size && head.getLong(16) == mtime;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Every string and EVR of the file, kept once: a distribution repeats arches, epochs, releases, types and module
     * names thousands of times, so a run decodes each once and shares it.
     */
    private static final class Pool {
        final Map<String, Integer> strings = new HashMap<>();
        final List<String> stringList = new ArrayList<>();
        final Map<Evr, Integer> evrs = new HashMap<>();
        final List<Evr> evrList = new ArrayList<>();

        /** The string's number; 0 is {@code null}. */
        int string(String s) {
            if (s == null) {
                return 0;
            }
            return strings.computeIfAbsent(s, k -> {
                stringList.add(k);
                return stringList.size();
            });
        }

        int evr(Evr e) {
            return evrs.computeIfAbsent(e, k -> {
                evrList.add(k);
                return evrList.size() - 1;
            });
        }
    }

    /** One package of one collection of one advisory, as the buckets keep it; {@code number} is its place in the file. */
    private record Entry(int advisory, int collection, int number, Advisory.Fix fix) {
    }

    static void write(List<Advisory> all, Path index, long size, long mtime) throws IOException {
        Pool pool = new Pool();
        Map<String, List<Entry>> byName = new HashMap<>();
        int number = 0;
        for (int a = 0; a < all.size(); a++) {
            List<Advisory.Collection> cs = all.get(a).collections();
            for (int c = 0; c < cs.size(); c++) {
                for (Advisory.Fix fix : cs.get(c).packages()) {
                    byName.computeIfAbsent(fix.name(), k -> new ArrayList<>()).add(new Entry(a, c, number++, fix));
                }
            }
        }
        int buckets = Integer.highestOneBit(Math.max(1, byName.size())) * 2;
        Map<Integer, List<String>> names = new TreeMap<>();
        byName.keySet().forEach(n -> names.computeIfAbsent(n.hashCode() & (buckets - 1), k -> new ArrayList<>()).add(n));

        // the advisories and buckets first, in memory, so the pool knows every string
        java.io.ByteArrayOutputStream advisoryBytes = new java.io.ByteArrayOutputStream(1 << 20);
        int[] advisoryOffsets = new int[all.size()];
        try (DataOutputStream out = new DataOutputStream(advisoryBytes)) {
            for (int a = 0; a < all.size(); a++) {
                advisoryOffsets[a] = out.size();
                writeAdvisory(out, all.get(a), pool);
            }
        }
        java.io.ByteArrayOutputStream bucketBytes = new java.io.ByteArrayOutputStream(1 << 20);
        int[] bucketOffsets = new int[buckets];
        java.util.Arrays.fill(bucketOffsets, -1);
        try (DataOutputStream out = new DataOutputStream(bucketBytes)) {
            for (var bucket : names.entrySet()) {
                bucketOffsets[bucket.getKey()] = out.size();
                out.writeInt(bucket.getValue().size());
                for (String name : bucket.getValue()) {
                    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                    List<Entry> entries = byName.get(name);
                    // the name's distinct packages once, then its entries pointing at them: a run makes one Fix per
                    // package, however many advisories ship it
                    Map<Advisory.Fix, Integer> distinct = new java.util.LinkedHashMap<>();
                    int[] fixOf = new int[entries.size()];
                    for (int i = 0; i < fixOf.length; i++) {
                        fixOf[i] = distinct.computeIfAbsent(entries.get(i).fix(), k -> distinct.size());
                    }
                    java.io.ByteArrayOutputStream block = new java.io.ByteArrayOutputStream();
                    DataOutputStream b = new DataOutputStream(block);
                    b.writeInt(distinct.size());
                    for (Advisory.Fix fix : distinct.keySet()) {
                        b.writeInt(pool.string(fix.kind()));
                        b.writeInt(fix.evr() == null ? -1 : pool.evr(fix.evr()));
                        b.writeInt(pool.string(fix.version()));
                        b.writeInt(pool.string(fix.arch()));
                        b.writeInt(fix.cves().size());
                        for (String cve : fix.cves()) {
                            b.writeInt(pool.string(cve));
                        }
                    }
                    b.writeInt(entries.size());
                    for (int i = 0; i < fixOf.length; i++) {
                        Entry e = entries.get(i);
                        b.writeInt(e.advisory());
                        b.writeInt(e.collection());
                        b.writeInt(e.number());
                        b.writeInt(fixOf[i]);
                    }
                    b.flush();
                    out.writeInt(block.size());
                    block.writeTo(out);
                }
            }
        }
        for (Evr e : pool.evrList) {
            pool.string(e.epoch());
            pool.string(e.version());
            pool.string(e.release());
        }

        Files.createDirectories(index.getParent());
        Path tmp = Files.createTempFile(index.getParent(), "updateinfo", ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            int strings = pool.stringList.size();
            int evrs = pool.evrList.size();
            out.writeLong(MAGIC);
            out.writeLong(size);
            out.writeLong(mtime);
            out.writeInt(buckets);
            out.writeInt(all.size());
            out.writeInt(strings);
            out.writeInt(evrs);
            // the tables: where each string, advisory and bucket starts (from the start of the file), then the EVRs
            long stringsStart = HEADER + 4L * strings + 4L * all.size() + 4L * buckets + 12L * evrs;
            long at = stringsStart;
            List<byte[]> encoded = new ArrayList<>(strings);
            for (String s : pool.stringList) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                encoded.add(b);
                out.writeInt(offset(at));
                at += 4 + b.length;
            }
            long advisoriesStart = at;
            for (int o : advisoryOffsets) {
                out.writeInt(offset(advisoriesStart + o));
            }
            long bucketsStart = advisoriesStart + advisoryBytes.size();
            for (int o : bucketOffsets) {
                out.writeInt(o < 0 ? -1 : offset(bucketsStart + o));
            }
            for (Evr e : pool.evrList) {
                out.writeInt(pool.string(e.epoch()));
                out.writeInt(pool.string(e.version()));
                out.writeInt(pool.string(e.release()));
            }
            for (byte[] b : encoded) {
                out.writeInt(b.length);
                out.write(b);
            }
            advisoryBytes.writeTo(out);
            bucketBytes.writeTo(out);
        }
        Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static int offset(long at) {
        if (at > Integer.MAX_VALUE) {
            throw new ClientException("the advisories make an index over 2 GB; run with --no-cache");
        }
        return (int) at;
    }

    private static void writeAdvisory(DataOutputStream out, Advisory a, Pool pool) throws IOException {
        out.writeInt(pool.string(a.id()));
        out.writeInt(pool.string(a.type()));
        out.writeInt(pool.string(a.severity()));
        out.writeInt(pool.string(a.title()));
        out.writeLong(a.issued() == null ? Long.MIN_VALUE : a.issued().getEpochSecond());
        out.writeLong(a.updated() == null ? Long.MIN_VALUE : a.updated().getEpochSecond());
        out.writeInt(pool.string(a.url()));
        out.writeBoolean(a.cvesPerPackage());
        out.writeInt(a.references().size());
        for (Advisory.Reference r : a.references()) {
            out.writeInt(pool.string(r.type()));
            out.writeInt(pool.string(r.id()));
            out.writeInt(pool.string(r.title()));
            out.writeInt(pool.string(r.url()));
        }
        out.writeInt(a.collections().size());
        for (Advisory.Collection c : a.collections()) {
            Advisory.Module m = c.module();
            out.writeBoolean(m != null);
            if (m != null) {
                out.writeInt(pool.string(m.name()));
                out.writeInt(pool.string(m.stream()));
                out.writeInt(pool.string(m.version()));
                out.writeInt(pool.string(m.context()));
                out.writeInt(pool.string(m.arch()));
            }
        }
    }

    /** The mapped index of one run: strings and EVRs decoded when first asked for, then shared. */
    private static final class Mapped {
        final ByteBuffer b;
        final int buckets;
        final int advisories;
        final int stringTable;
        final int advisoryTable;
        final int bucketTable;
        final int evrTable;
        final String[] strings;
        final Evr[] evrs;

        /**
         * Another reader of the same mapping, for another thread: a position of its own, the decoded strings and EVRs
         * shared (a slot holds an immutable object or nothing, so a race only decodes one twice).
         */
        private Mapped(Mapped of) {
            b = of.b.duplicate();
            buckets = of.buckets;
            advisories = of.advisories;
            stringTable = of.stringTable;
            advisoryTable = of.advisoryTable;
            bucketTable = of.bucketTable;
            evrTable = of.evrTable;
            strings = of.strings;
            evrs = of.evrs;
        }

        Mapped view() {
            return new Mapped(this);
        }

        Mapped(Path index, ByteBuffer b) {
            this.b = b;
            buckets = b.getInt(24);
            advisories = b.getInt(28);
            int stringCount = b.getInt(32);
            int evrCount = b.getInt(36);
            if (buckets <= 0 || advisories < 0 || stringCount < 0 || evrCount < 0) {
                throw new ClientException(index + ": a damaged index; remove it, or run with --no-cache");
            }
            stringTable = HEADER;
            advisoryTable = stringTable + 4 * stringCount;
            bucketTable = advisoryTable + 4 * advisories;
            evrTable = bucketTable + 4 * buckets;
            strings = new String[stringCount + 1];
            evrs = new Evr[evrCount];
        }

        String string(int n) {
            if (n == 0) {
                return null;
            }
            String s = strings[n];
            if (s == null) {
                int at = b.getInt(stringTable + 4 * (n - 1));
                byte[] bytes = new byte[b.getInt(at)];
                b.get(at + 4, bytes);
                s = new String(bytes, StandardCharsets.UTF_8);
                strings[n] = s;
            }
            return s;
        }

        String nextString() {
            return string(b.getInt());
        }

        /** A count, then that many strings. */
        List<String> strings() {
            int count = b.getInt();
            List<String> out = count == 0 ? List.of() : new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(nextString());
            }
            return out;
        }

        Evr evr(int n) {
            Evr e = evrs[n];
            if (e == null) {
                int at = evrTable + 12 * n;
                e = new Evr(string(b.getInt(at)), string(b.getInt(at + 4)), string(b.getInt(at + 8)));
                evrs[n] = e;
            }
            return e;
        }
    }

    /**
     * What the host's names lead to: each found package's place in the file, with its advisory, collection and fix;
     * sorted by place at the end, which is the file's order. The work per name and per advisory is a method of its
     * own, so a short-lived JVM compiles it after a few hundred calls instead of interpreting a long loop.
     */
    private static final class Found {
        final Path index;
        final Mapped m;
        final List<Advisory.Fix> fixes = new ArrayList<>();
        int[] advisoryOf = new int[1024];
        int[] collectionOf = new int[1024];
        long[] order = new long[1024];

        Found(Path index, Mapped m) {
            this.index = index;
            this.m = m;
        }

        void add(String name) {
            ByteBuffer b = m.b;
            int offset = b.getInt(m.bucketTable + 4 * (name.hashCode() & (m.buckets - 1)));
            if (offset < 0) {
                return;
            }
            b.position(offset);
            int names = b.getInt();
            byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < names; i++) {
                boolean match = equalBytes(b, wanted);
                int block = b.getInt();
                if (match) {
                    addEntries(name);
                    return;
                }
                b.position(b.position() + block); // another name in the bucket: step over its block
            }
        }

        private void addEntries(String name) {
            ByteBuffer b = m.b;
            int distinct = b.getInt();
            Advisory.Fix[] packages = new Advisory.Fix[distinct];
            for (int d = 0; d < distinct; d++) {
                packages[d] = fix(name);
            }
            int entries = b.getInt();
            for (int e = 0; e < entries; e++) {
                int advisory = b.getInt();
                int collection = b.getInt();
                int number = b.getInt();
                int fix = b.getInt();
                if (advisory < 0 || advisory >= m.advisories || fix < 0 || fix >= distinct) {
                    throw damaged();
                }
                int n = fixes.size();
                if (n == order.length) {
                    order = java.util.Arrays.copyOf(order, n * 2);
                    advisoryOf = java.util.Arrays.copyOf(advisoryOf, n * 2);
                    collectionOf = java.util.Arrays.copyOf(collectionOf, n * 2);
                }
                fixes.add(packages[fix]);
                advisoryOf[n] = advisory;
                collectionOf[n] = collection;
                order[n] = ((long) number << 32) | n;
            }
        }

        /** One of a name's distinct packages: kind, EVR (-1 for none), version, arch, the CVEs it fixes. */
        private Advisory.Fix fix(String name) {
            String kind = m.nextString();
            int evr = m.b.getInt();
            // arguments are read in order: version, arch, CVEs
            return new Advisory.Fix(kind, name, evr < 0 ? null : m.evr(evr), m.nextString(), m.nextString(), m.strings());
        }

        ClientException damaged() {
            return new ClientException(index + ": a damaged index; remove it, or run with --no-cache");
        }

        List<Advisory> advisories() {
            long[] sorted = java.util.Arrays.copyOf(order, fixes.size());
            java.util.Arrays.sort(sorted);
            // where each advisory's packages start in sorted; the advisories are read on two cores, each its own reader
            List<Integer> starts = new ArrayList<>();
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || advisoryOf[(int) sorted[i]] != advisoryOf[(int) sorted[i - 1]]) {
                    starts.add(i);
                }
            }
            return Halves.map(starts, sorted.length, some -> {
                Mapped reader = m.view();
                List<Advisory> out = new ArrayList<>(some.size());
                for (int from : some) {
                    out.add(advisory(reader, sorted, from));
                }
                return out;
            });
        }

        /** Reads the advisory of {@code sorted[from]} with its packages found from there on. */
        private Advisory advisory(Mapped reader, long[] sorted, int from) {
            int advisory = advisoryOf[(int) sorted[from]];
            Map<Integer, List<Advisory.Fix>> byCollection = new TreeMap<>();
            for (int i = from; i < sorted.length && advisoryOf[(int) sorted[i]] == advisory; i++) {
                int n = (int) sorted[i];
                byCollection.computeIfAbsent(collectionOf[n], k -> new ArrayList<>(4)).add(fixes.get(n));
            }
            reader.b.position(reader.b.getInt(reader.advisoryTable + 4 * advisory));
            return readAdvisory(reader, byCollection);
        }
    }

    private static Advisory readAdvisory(Mapped m, Map<Integer, List<Advisory.Fix>> fixes) {
        ByteBuffer b = m.b;
        String id = m.nextString();
        String type = m.nextString();
        String severity = m.nextString();
        String title = m.nextString();
        long issued = b.getLong();
        long updated = b.getLong();
        String url = m.nextString();
        boolean cvesPerPackage = b.get() != 0;
        int refs = b.getInt();
        List<Advisory.Reference> references = new ArrayList<>(refs);
        for (int i = 0; i < refs; i++) {
            references.add(new Advisory.Reference(m.nextString(), m.nextString(), m.nextString(), m.nextString()));
        }
        int collections = b.getInt();
        List<Advisory.Collection> kept = new ArrayList<>();
        for (int c = 0; c < collections; c++) {
            Advisory.Module module = b.get() != 0
                    ? new Advisory.Module(m.nextString(), m.nextString(), m.nextString(), m.nextString(), m.nextString())
                    : null;
            List<Advisory.Fix> mine = fixes.get(c);
            if (mine != null) {
                kept.add(new Advisory.Collection(module, mine));
            }
        }
        return new Advisory(id, type, severity, title == null ? "" : title,
                issued == Long.MIN_VALUE ? null : Instant.ofEpochSecond(issued),
                updated == Long.MIN_VALUE ? null : Instant.ofEpochSecond(updated), url, references, kept, cvesPerPackage);
    }

    /** Reads a name and answers whether it is {@code wanted}, without making a String of it. */
    private static boolean equalBytes(ByteBuffer b, byte[] wanted) {
        int n = b.getInt();
        if (n != wanted.length) {
            b.position(b.position() + Math.max(n, 0));
            return false;
        }
        boolean same = true;
        for (byte w : wanted) {
            same &= b.get() == w;
        }
        return same;
    }
}
