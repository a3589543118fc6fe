package org.paddock.feed;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import org.paddock.platform.PaddockDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the advisories of a feed from PostgreSQL in one pass: four cursors (updates, their builds, the builds'
 * packages, their references), all ordered by update id and merged, so memory holds a few hundred advisories
 * at most whatever the feed's size.
 */
@ApplicationScoped
public class AdvisoryReader {

    /**
     * Rows per round trip to PostgreSQL, per cursor: few enough that memory stays small and flat (an update's
     * notes may be long; a package row is short), many enough that a 50 000-update feed is not waiting on
     * thousands of round trips.
     */
    private static final int FETCH_UPDATES = 1_000;
    private static final int FETCH_BUILDS = 5_000;
    private static final int FETCH_PACKAGES = 10_000;
    private static final int FETCH_REFERENCES = 5_000;

    /** How many advisories the reading thread may be ahead of the writing one. */
    private static final int AHEAD = 256;

    @Resource(lookup = PaddockDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    /**
     * Which advisories: any of a release, a channel (status {@code testing} or {@code stable}; both when null),
     * security only, a module stream ({@code nginx:1.24}), one alias, a CVE, a Bugzilla bug, a severity, a type,
     * a contained package's name, changed since; {@code afterId}/{@code limit} page through them by update id.
     */
    public record Selection(String release, String channel, boolean securityOnly, String module, String alias,
                            String cve, String bug, String severity, String type, String pkg, Instant since,
                            long afterId, int limit) {

        public static Selection channel(String release, String channel) {
            return new Selection(release, channel, false, null, null, null, null, null, null, null, null, 0, 0);
        }

        public static Selection one(String alias) {
            return new Selection(null, null, false, null, alias, null, null, null, null, null, null, 0, 0);
        }

        public static Selection published() {
            return new Selection(null, null, false, null, null, null, null, null, null, null, null, 0, 0);
        }
    }

    public interface Sink {
        void accept(Advisory advisory) throws java.io.IOException;
    }

    /** What a feed's caching headers are made of: how many, when it last changed, the release's push snapshot. */
    public record Version(long count, Instant lastModified, long snapshot) {

        public String etag(String what) {
            return "\"" + what + "-" + snapshot + "-" + count + "-" + (lastModified == null ? 0 : lastModified.toEpochMilli()) + "\"";
        }
    }

    public boolean releaseExists(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from release where name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public Version version(Selection s) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sel(s) + "select count(*), max(u.modified_at),"
                     + " coalesce(max(r.snapshot), 0) from module_update u join release r on r.id = u.release_id"
                     + " where u.id in (select id from sel)")) {
            bind(ps, s, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(2);
                return new Version(rs.getLong(1), t == null ? null : t.toInstant(), rs.getLong(3));
            }
        }
    }

    /**
     * Hands each advisory of the selection to {@code sink}, oldest first. The rows are read on a managed thread
     * while this one hands the advisories on, so PostgreSQL keeps producing rows while the sink writes; between the
     * two sit at most {@value #AHEAD} advisories, whatever the selection's size.
     */
    public void read(Selection s, String baseUrl, Sink sink) throws SQLException, java.io.IOException {
        Pipe.<Advisory>run(executor, AHEAD, out -> produce(s, baseUrl, out::accept), sink::accept);
    }

    private void produce(Selection s, String baseUrl, Sink sink) throws SQLException, java.io.IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false); // cursors (fetch size) need a transaction in PostgreSQL
            c.setReadOnly(true);
            try (PreparedStatement updates = c.prepareStatement(sel(s) + """
                         select u.id, u.alias, r.name, u.status, u.type, u.severity, u.title, u.notes, u.suggestion,
                                usr.username, u.submitted_at, u.modified_at
                         from module_update u join release r on r.id = u.release_id
                         join paddock_user usr on usr.id = u.submitter_id
                         where u.id in (select id from sel) order by u.id""");
                 PreparedStatement builds = c.prepareStatement(sel(s) + """
                         select ub.update_id, b.id, b.name, b.stream, b.version, b.context, b.arch, b.summary, b.description,
                                ms.eol
                         from update_build ub join module_build b on b.id = ub.module_build_id
                         join module_stream ms on ms.id = b.module_stream_id
                         where ub.update_id in (select id from sel)
                         order by ub.update_id, ub.module_build_id""");
                 PreparedStatement packages = c.prepareStatement(sel(s) + """
                         select ub.update_id, a.module_build_id, a.kind, a.name, a.epoch, a.version, a.release, a.arch,
                                a.source_rpm, a.sha256, a.purl
                         from update_build ub join artifact a on a.module_build_id = ub.module_build_id
                         where ub.update_id in (select id from sel)
                         order by ub.update_id, ub.module_build_id, a.name, a.id""");
                 PreparedStatement refs = c.prepareStatement(sel(s) + """
                         select ref.update_id, ref.kind, ref.ref_id, ref.title, ref.url,
                                (select string_agg(distinct a.name, ',' order by a.name) from artifact_reference ar
                                 join artifact a on a.id = ar.artifact_id where ar.reference_id = ref.id)
                         from update_reference ref
                         where ref.update_id in (select id from sel)
                         order by ref.update_id, ref.kind, ref.id""")) {
                updates.setFetchSize(FETCH_UPDATES);
                builds.setFetchSize(FETCH_BUILDS);
                packages.setFetchSize(FETCH_PACKAGES);
                refs.setFetchSize(FETCH_REFERENCES);
                for (PreparedStatement ps : List.of(updates, builds, packages, refs)) {
                    bind(ps, s, 1);
                }
                try (ResultSet u = updates.executeQuery(); ResultSet b = builds.executeQuery();
                     ResultSet p = packages.executeQuery(); ResultSet r = refs.executeQuery()) {
                    Cursor bc = new Cursor(b);
                    Cursor pc = new Cursor(p);
                    Cursor rc = new Cursor(r);
                    while (u.next()) {
                        long id = u.getLong(1);
                        String alias = u.getString(2);
                        List<Advisory.Build> buildList = new ArrayList<>();
                        while (bc.at(id)) {
                            long buildId = b.getLong(2);
                            String name = b.getString(3);
                            String stream = b.getString(4);
                            long version = b.getLong(5);
                            String context = b.getString(6);
                            String arch = b.getString(7);
                            String summary = b.getString(8);
                            String description = b.getString(9);
                            java.sql.Date eol = b.getDate(10);
                            List<Advisory.Pkg> pkgs = new ArrayList<>();
                            while (pc.at(id) && p.getLong(2) == buildId) {
                                pkgs.add(new Advisory.Pkg(p.getString(3), p.getString(4), p.getString(5), p.getString(6),
                                        p.getString(7), p.getString(8), p.getString(9), p.getString(10), p.getString(11)));
                                pc.advance();
                            }
                            bc.advance();
                            buildList.add(new Advisory.Build(name, stream, version, context, arch, summary, description,
                                    eol == null ? null : eol.toLocalDate(), pkgs));
                        }
                        List<Advisory.Ref> refList = new ArrayList<>();
                        while (rc.at(id)) {
                            String fixed = r.getString(6);
                            refList.add(new Advisory.Ref(r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                    fixed == null ? List.of() : Arrays.asList(fixed.split(","))));
                            rc.advance();
                        }
                        sink.accept(new Advisory(id, alias, u.getString(3), u.getString(4), u.getString(5), u.getString(6),
                                u.getString(7), u.getString(8), u.getString(9), u.getString(10),
                                u.getTimestamp(11).toInstant(), u.getTimestamp(12).toInstant(),
                                baseUrl + "update.xhtml?alias=" + alias, refList, buildList));
                    }
                }
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(auto);
            }
        }
    }

    /** A result set read in step with the updates: positioned on the first row not yet taken, its update id at hand. */
    private static final class Cursor {
        private final ResultSet rs;
        private boolean has;
        private long key;

        Cursor(ResultSet rs) throws SQLException {
            this.rs = rs;
            advance();
        }

        boolean at(long updateId) throws SQLException {
            while (has && key < updateId) { // rows of updates the first cursor did not select: none, by the shared where
                advance();
            }
            return has && key == updateId;
        }

        void advance() throws SQLException {
            has = rs.next();
            key = has ? rs.getLong(1) : Long.MAX_VALUE;
        }
    }

    /** The selection as a {@code WITH sel AS (…)} prefix giving the chosen update ids, in order, limited. */
    private static String sel(Selection s) {
        StringBuilder w = new StringBuilder("with sel as (select u.id from module_update u join release r on r.id = u.release_id"
                + " where u.id > ?");
        if (s.alias() != null) {
            w.append(" and u.alias = ?");
        }
        if (s.release() != null) {
            w.append(" and r.name = ?");
        }
        if (s.channel() != null) {
            w.append(" and u.status = ?");
        } else {
            w.append(" and u.status in ('testing', 'stable')"); // a feed never tells of what is not published
        }
        if (s.securityOnly()) {
            w.append(" and u.type = 'security'");
        }
        if (s.type() != null) {
            w.append(" and u.type = ?");
        }
        if (s.severity() != null) {
            w.append(" and u.severity = ?");
        }
        if (s.since() != null) {
            w.append(" and u.modified_at >= ?");
        }
        if (s.module() != null) {
            w.append(" and exists (select 1 from update_build ub2 join module_build b2 on b2.id = ub2.module_build_id"
                    + " where ub2.update_id = u.id and b2.name || ':' || b2.stream = ?)");
        }
        if (s.cve() != null) {
            w.append(" and exists (select 1 from update_reference x where x.update_id = u.id and x.kind = 'cve' and x.ref_id = ?)");
        }
        if (s.bug() != null) {
            w.append(" and exists (select 1 from update_reference x where x.update_id = u.id and x.kind = 'bugzilla' and x.ref_id = ?)");
        }
        if (s.pkg() != null) {
            w.append(" and exists (select 1 from update_build ub3 join artifact a3 on a3.module_build_id = ub3.module_build_id"
                    + " where ub3.update_id = u.id and lower(a3.name) = lower(?))");
        }
        w.append(" order by u.id");
        if (s.limit() > 0) {
            w.append(" limit ").append(s.limit());
        }
        return w.append(") ").toString();
    }

    private static void bind(PreparedStatement ps, Selection s, int start) throws SQLException {
        int i = start;
        ps.setLong(i++, s.afterId());
        for (String v : new String[] {s.alias(), s.release(), s.channel(), s.type(), s.severity()}) {
            if (v != null) {
                ps.setString(i++, v);
            }
        }
        if (s.since() != null) {
            ps.setTimestamp(i++, Timestamp.from(s.since()));
        }
        for (String v : new String[] {s.module(), s.cve(), s.bug(), s.pkg()}) {
            if (v != null) {
                ps.setString(i++, v);
            }
        }
    }
}
