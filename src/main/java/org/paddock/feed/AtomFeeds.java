package org.paddock.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.paddock.platform.PaddockDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Atom 1.0 feeds (written by Rome) of the state changes worth telling — an update reaching testing, stable, or
 * being revoked — newest first: all of them, security only, per release, per module stream.
 */
@ApplicationScoped
public class AtomFeeds {

    public static final int ENTRIES = 100;

    @Resource(lookup = PaddockDataSource.JNDI_NAME)
    DataSource dataSource;

    /** Which changes: any combination of a release, a module stream ({@code nginx:1.24}) and security only. */
    public record Scope(String release, String module, boolean securityOnly) {

        public String title() {
            StringBuilder t = new StringBuilder("Paddock: ");
            t.append(securityOnly ? "security updates" : "updates");
            if (module != null) {
                t.append(" of ").append(module);
            }
            if (release != null) {
                t.append(" in ").append(release);
            }
            return t.toString();
        }
    }

    public void write(Scope scope, String baseUrl, String selfUrl, Writer out) throws SQLException, IOException {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(scope.title());
        feed.setUri(selfUrl);
        feed.setLink(baseUrl + "updates.xhtml");
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(selfUrl);
        self.setType("application/atom+xml");
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(baseUrl + "updates.xhtml");
        alternate.setType("text/html");
        feed.setLinks(List.of(self, alternate));
        feed.setDescription("Module updates moving to testing and stable, as Paddock pushes them");
        feed.setGenerator("Paddock");
        List<SyndEntry> entries = new ArrayList<>();
        Date newest = new Date(0);
        StringBuilder sql = new StringBuilder("""
                select h.id, h.at, h.to_value, u.alias, u.title, u.type, u.severity, r.name, usr.username,
                       (select string_agg(ref.ref_id, ', ' order by ref.ref_id) from update_reference ref
                        where ref.update_id = u.id and ref.kind = 'cve'),
                       (select string_agg(b.name || ':' || b.stream, ', ' order by b.name) from update_build ub
                        join module_build b on b.id = ub.module_build_id where ub.update_id = u.id)
                from update_history h join module_update u on u.id = h.update_id
                join release r on r.id = u.release_id join paddock_user usr on usr.id = u.submitter_id
                where h.field = 'status' and h.to_value in ('testing', 'stable', 'revoked')""");
        List<String> params = new ArrayList<>();
        if (scope.release() != null) {
            sql.append(" and r.name = ?");
            params.add(scope.release());
        }
        if (scope.securityOnly()) {
            sql.append(" and u.type = 'security'");
        }
        if (scope.module() != null) {
            sql.append(" and exists (select 1 from update_build ub2 join module_build b2 on b2.id = ub2.module_build_id"
                    + " where ub2.update_id = u.id and b2.name || ':' || b2.stream = ?)");
            params.add(scope.module());
        }
        sql.append(" order by h.at desc, h.id desc limit ").append(ENTRIES);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String alias = rs.getString(4);
                    String to = rs.getString(3);
                    Date at = Date.from(rs.getTimestamp(2).toInstant());
                    if (at.after(newest)) {
                        newest = at;
                    }
                    SyndEntry e = new SyndEntryImpl();
                    e.setUri("urn:paddock:" + alias + ":" + rs.getLong(1));
                    e.setTitle(alias + " " + (to.equals("revoked") ? "revoked" : "in " + to) + ": "
                            + UpdateinfoWriter.clean(rs.getString(5)));
                    e.setLink(baseUrl + "update.xhtml?alias=" + alias);
                    e.setUpdatedDate(at);
                    e.setPublishedDate(at);
                    SyndPerson author = new SyndPersonImpl();
                    author.setName(rs.getString(9));
                    e.setAuthors(List.of(author));
                    String cves = rs.getString(10);
                    SyndContent summary = new SyndContentImpl();
                    summary.setType("text");
                    summary.setValue(UpdateinfoWriter.clean(rs.getString(6) + ("none".equals(rs.getString(7)) ? ""
                            : " (" + rs.getString(7) + ")") + " update of " + rs.getString(11) + " in " + rs.getString(8)
                            + (cves == null ? "" : "; fixes " + cves)));
                    e.setDescription(summary);
                    entries.add(e);
                }
            }
        }
        feed.setEntries(entries);
        feed.setPublishedDate(newest);
        try {
            new SyndFeedOutput().output(feed, out, true);
        } catch (FeedException e) {
            throw new IOException(e);
        }
    }
}
