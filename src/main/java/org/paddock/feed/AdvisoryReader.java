package org.paddock.feed;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.paddock.platform.Database;

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
 * Reads the advisories of a feed from PostgreSQL in one pass: three cursors (updates, their builds and
 * packages, their references), all ordered by update id and merged, so memory holds one advisory at a time
 * whatever the feed's size.
 */
@ApplicationScoped
public class AdvisoryReader {

    private static final int FETCH = 500;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

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

    /** Hands each advisory of the selection to {@code sink}, oldest first. */
    public void read(Selection s, String baseUrl, Sink sink) throws SQLException, java.io.IOException {
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
                                a.kind, a.name, a.epoch, a.version, a.release, a.arch, a.source_rpm, a.sha256, a.purl
                         from update_build ub
                         join module_build b on b.id = ub.module_build_id
                         left join artifact a on a.module_build_id = b.id
                         where ub.update_id in (select id from sel)
                         order by ub.update_id, b.name, b.stream, b.version, b.id, a.name, a.id""");
                 PreparedStatement refs = c.prepareStatement(sel(s) + """
                         select ref.update_id, ref.kind, ref.ref_id, ref.title, ref.url,
                                (select string_agg(distinct a.name, ',' order by a.name) from artifact_reference ar
                                 join artifact a on a.id = ar.artifact_id where ar.reference_id = ref.id)
                         from update_reference ref
                         where ref.update_id in (select id from sel)
                         order by ref.update_id, ref.kind, ref.id""")) {
                for (PreparedStatement ps : List.of(updates, builds, refs)) {
                    ps.setFetchSize(FETCH);
                    bind(ps, s, 1);
                }
                try (ResultSet u = updates.executeQuery(); ResultSet b = builds.executeQuery(); ResultSet r = refs.executeQuery()) {
                    Cursor bc = new Cursor(b);
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
                            List<Advisory.Pkg> pkgs = new ArrayList<>();
                            while (bc.at(id) && b.getLong(2) == buildId) {
                                if (b.getString(10) != null) {
                                    pkgs.add(new Advisory.Pkg(b.getString(10), b.getString(11), b.getString(12),
                                            b.getString(13), b.getString(14), b.getString(15), b.getString(16),
                                            b.getString(17), b.getString(18)));
                                }
                                bc.advance();
                            }
                            buildList.add(new Advisory.Build(name, stream, version, context, arch, summary, description, pkgs));
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

    /** A result set read in step with the updates: positioned on the first row not yet taken. */
    private static final class Cursor {
        private final ResultSet rs;
        private boolean has;

        Cursor(ResultSet rs) throws SQLException {
            this.rs = rs;
            this.has = rs.next();
        }

        boolean at(long updateId) throws SQLException {
            while (has && rs.getLong(1) < updateId) { // rows of updates the first cursor did not select: none, by the shared where
                has = rs.next();
            }
            return has && rs.getLong(1) == updateId;
        }

        void advance() throws SQLException {
            has = rs.next();
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
        } else if (s.alias() == null) {
            w.append(" and u.status in ('testing', 'stable')");
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
