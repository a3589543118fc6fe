package org.paddock.client;

import org.paddock.artifact.Evr;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
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
 * An updateinfo.xml read once and kept on disk, indexed by package name, so that later runs read only the packages the
 * host has — what dnf's {@code makecache} is to dnf's solv files. The first run reads the XML ({@link
 * UpdateinfoReader}) and writes the index; a run whose file has the same size and modification time maps the index and
 * looks up each installed name in its hash table, then reads only the advisories those names lead to.
 *
 * <p>Layout (big-endian): a header (magic, the file's size and mtime, counts), a table of bucket offsets (a name goes
 * to bucket {@code String.hashCode() & (buckets - 1)}), a table of advisory offsets, then the advisories (id, type,
 * severity, title, dates, url, references, collections' modules) and the buckets (for each name: its fixes as
 * advisory, collection, epoch, version, release, arch). Strings are a length and UTF-8 bytes.
 */
public final class UpdateinfoIndex {

    private static final long MAGIC = 0x5044_4B49_4458_0001L; // "PDKIDX" and the layout's version

    private UpdateinfoIndex() {
    }

    /**
     * The advisories of {@code updateinfo} that name a package {@code installed} names, from the index in
     * {@code cacheDir} (made or remade first when missing or older than the file).
     */
    public static List<Advisory> read(Path updateinfo, Path cacheDir, Set<String> installed) throws IOException {
        Path index = indexFile(updateinfo, cacheDir);
        long size = Files.size(updateinfo);
        long mtime = Files.getLastModifiedTime(updateinfo).toMillis() ^ (fingerprint(updateinfo, size) << 20);
        if (!fresh(index, size, mtime)) {
            List<Advisory> all;
            try (InputStream in = Files.newInputStream(updateinfo)) {
                all = UpdateinfoReader.read(in, updateinfo.toString());
            }
            write(all, index, size, mtime);
        }
        return lookUp(index, installed);
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
            return cacheDir.resolve("updateinfo").resolve(HexFormat.of().formatHex(digest, 0, 12) + ".idx");
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

    /** One package of one collection of one advisory, as the buckets keep it. */
    private record Entry(int advisory, int collection, int position, Advisory.Fix fix) {
    }

    static void write(List<Advisory> all, Path index, long size, long mtime) throws IOException {
        Map<String, List<Entry>> byName = new HashMap<>();
        for (int a = 0; a < all.size(); a++) {
            List<Advisory.Collection> cs = all.get(a).collections();
            for (int c = 0; c < cs.size(); c++) {
                List<Advisory.Fix> fixes = cs.get(c).packages();
                for (int p = 0; p < fixes.size(); p++) {
                    byName.computeIfAbsent(fixes.get(p).name(), k -> new ArrayList<>()).add(new Entry(a, c, p, fixes.get(p)));
                }
            }
        }
        int buckets = Integer.highestOneBit(Math.max(1, byName.size())) * 2;
        Map<Integer, List<String>> names = new TreeMap<>();
        byName.keySet().forEach(n -> names.computeIfAbsent(n.hashCode() & (buckets - 1), k -> new ArrayList<>()).add(n));

        Files.createDirectories(index.getParent());
        Path tmp = Files.createTempFile(index.getParent(), "updateinfo", ".tmp");
        long[] bucketOffsets = new long[buckets];
        long[] advisoryOffsets = new long[all.size()];
        java.util.Arrays.fill(bucketOffsets, -1);
        long tables = 8 + 8 + 8 + 4 + 4;
        long body = tables + 8L * buckets + 8L * all.size();
        try (CountingOutput counting = new CountingOutput(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16));
             DataOutputStream out = new DataOutputStream(counting)) {
            out.writeLong(MAGIC);
            out.writeLong(size);
            out.writeLong(mtime);
            out.writeInt(buckets);
            out.writeInt(all.size());
            // the tables are written after the body, at their place: reserve them now
            out.write(new byte[(int) (8L * buckets + 8L * all.size())]);
            for (int a = 0; a < all.size(); a++) {
                advisoryOffsets[a] = counting.count();
                writeAdvisory(out, all.get(a));
            }
            for (var bucket : names.entrySet()) {
                bucketOffsets[bucket.getKey()] = counting.count();
                out.writeInt(bucket.getValue().size());
                for (String name : bucket.getValue()) {
                    string(out, name);
                    List<Entry> entries = byName.get(name);
                    out.writeInt(entries.size());
                    for (Entry e : entries) {
                        out.writeInt(e.advisory());
                        out.writeInt(e.collection());
                        out.writeInt(e.position());
                        string(out, e.fix().evr().epoch());
                        string(out, e.fix().evr().version());
                        string(out, e.fix().evr().release());
                        string(out, e.fix().arch());
                    }
                }
            }
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ByteBuffer t = ByteBuffer.allocate((int) (body - tables));
            for (long o : bucketOffsets) {
                t.putLong(o);
            }
            for (long o : advisoryOffsets) {
                t.putLong(o);
            }
            t.flip();
            ch.write(t, tables);
        }
        Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeAdvisory(DataOutputStream out, Advisory a) throws IOException {
        string(out, a.id());
        string(out, a.type());
        string(out, a.severity());
        string(out, a.title());
        out.writeLong(a.issued() == null ? Long.MIN_VALUE : a.issued().getEpochSecond());
        out.writeLong(a.updated() == null ? Long.MIN_VALUE : a.updated().getEpochSecond());
        string(out, a.url());
        out.writeInt(a.references().size());
        for (Advisory.Reference r : a.references()) {
            string(out, r.type());
            string(out, r.id());
            string(out, r.title());
            string(out, r.url());
        }
        out.writeInt(a.collections().size());
        for (Advisory.Collection c : a.collections()) {
            Advisory.Module m = c.module();
            out.writeBoolean(m != null);
            if (m != null) {
                string(out, m.name());
                string(out, m.stream());
                string(out, m.version());
                string(out, m.context());
                string(out, m.arch());
            }
        }
    }

    static List<Advisory> lookUp(Path index, Set<String> installed) throws IOException {
        try (FileChannel ch = FileChannel.open(index, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new ClientException(index + ": an index over 2 GB; run with --no-cache");
            }
            MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            int buckets = b.getInt(24);
            int advisories = b.getInt(28);
            long tables = 32;
            // advisory → collection → its packages that the host has
            // advisory → collection → position → package; hash maps, sorted once at the end
            Map<Integer, Map<Integer, TreeMap<Integer, Advisory.Fix>>> found = new HashMap<>();
            for (String name : installed) {
                long offset = b.getLong((int) (tables + 8L * (name.hashCode() & (buckets - 1))));
                if (offset < 0) {
                    continue;
                }
                b.position((int) offset);
                int names = b.getInt();
                byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < names; i++) {
                    boolean match = equalString(b, wanted);
                    int entries = b.getInt();
                    if (!match) {
                        for (int e = 0; e < entries; e++) { // another name in the bucket: step over its fixes
                            b.position(b.position() + 12);
                            for (int k = 0; k < 4; k++) {
                                skipString(b);
                            }
                        }
                        continue;
                    }
                    for (int e = 0; e < entries; e++) {
                        int advisory = b.getInt();
                        int collection = b.getInt();
                        int position = b.getInt();
                        String epoch = string(b);
                        String version = string(b);
                        String release = string(b);
                        String arch = string(b);
                        {
                            found.computeIfAbsent(advisory, k -> new HashMap<>(4))
                                    .computeIfAbsent(collection, k -> new TreeMap<>())
                                    .put(position, Advisory.Fix.rpm(name, new Evr(epoch, version, release), arch));
                        }
                    }
                    break;
                }
            }
            List<Advisory> out = new ArrayList<>(found.size());
            int[] order = found.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            for (int a : order) {
                if (a >= advisories) {
                    throw new IOException("damaged index");
                }
                b.position((int) b.getLong((int) (tables + 8L * buckets + 8L * a)));
                out.add(readAdvisory(b, found.get(a)));
            }
            return out;
        }
    }

    private static Advisory readAdvisory(ByteBuffer b, Map<Integer, TreeMap<Integer, Advisory.Fix>> fixes) {
        String id = string(b);
        String type = string(b);
        String severity = string(b);
        String title = string(b);
        long issued = b.getLong();
        long updated = b.getLong();
        String url = string(b);
        int refs = b.getInt();
        List<Advisory.Reference> references = new ArrayList<>(refs);
        for (int i = 0; i < refs; i++) {
            references.add(new Advisory.Reference(string(b), string(b), string(b), string(b)));
        }
        int collections = b.getInt();
        List<Advisory.Collection> kept = new ArrayList<>();
        for (int c = 0; c < collections; c++) {
            Advisory.Module module = b.get() != 0
                    ? new Advisory.Module(string(b), string(b), string(b), string(b), string(b)) : null;
            TreeMap<Integer, Advisory.Fix> mine = fixes.get(c);
            if (mine != null) {
                kept.add(new Advisory.Collection(module, new ArrayList<>(mine.values())));
            }
        }
        return new Advisory(id, type, severity, title == null ? "" : title,
                issued == Long.MIN_VALUE ? null : Instant.ofEpochSecond(issued),
                updated == Long.MIN_VALUE ? null : Instant.ofEpochSecond(updated), url, references, kept);
    }

    /** A string: -1 for null, else its UTF-8 length and bytes. */
    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0) {
            return null;
        }
        byte[] bytes = new byte[n];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void skipString(ByteBuffer b) {
        int n = b.getInt();
        if (n > 0) {
            b.position(b.position() + n);
        }
    }

    /** Reads a string and answers whether it is {@code wanted}, without making a String of it. */
    private static boolean equalString(ByteBuffer b, byte[] wanted) {
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

    /** Counts what is written, for the offsets the tables keep. */
    private static final class CountingOutput extends java.io.FilterOutputStream {
        private long count;

        CountingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }
    }
}
