package org.paddock.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Throwaway releases for in-container tests whose updates would otherwise meet other classes' updates in the
 * demo release F45 (obsoleting them, or showing in the same feed), made and removed straight in the shared
 * database, so the classes that count F45's content see it as the demo data left it.
 */
public final class TestReleases {

    private TestReleases() {
    }

    /** A fresh release name, {@code prefix} and four random capitals, e.g. {@code FEEDQZXA}. */
    public static String name(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (int i = 0; i < 4; i++) {
            name.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }

    /**
     * A current release {@code name} holding the module streams given as {@code name:stream} → owner group
     * (an existing group, e.g. {@code nginx-maintainers}).
     */
    public static void create(String name, Map<String, String> streamOwners) throws SQLException {
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement r = c.prepareStatement(
                    "insert into release (name, long_name, state) values (?, ?, 'current')")) {
                r.setString(1, name);
                r.setString(2, "Test release " + name);
                r.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into module_stream (release_id, name, stream, summary,"
                    + " owner_group_id) select r.id, ?, ?, ?, (select id from paddock_group where name = ?)"
                    + " from release r where r.name = ?")) {
                for (Map.Entry<String, String> e : streamOwners.entrySet()) {
                    String[] ns = e.getKey().split(":", 2);
                    s.setString(1, ns[0]);
                    s.setString(2, ns[1]);
                    s.setString(3, "The " + ns[0] + " module");
                    s.setString(4, e.getValue());
                    s.setString(5, name);
                    s.executeUpdate();
                }
            }
            c.commit();
        }
    }

    /** Removes release {@code name} with everything in it: updates and their history, builds, pushes, events. */
    public static void delete(String name) throws SQLException {
        String release = "(select id from release where name = '" + name.replace("'", "''") + "')";
        String updates = "(select id from module_update where release_id = " + release + ")";
        String streams = "(select id from module_stream where release_id = " + release + ")";
        String builds = "(select id from module_build where module_stream_id in " + streams + ")";
        String events = "(select e.id from outbox_event e join module_update u on u.alias = e.subject where u.id in "
                + updates + ")";
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("delete from webhook_delivery where event_id in " + events);
            s.execute("delete from outbox_event where id in " + events);
            s.execute("delete from push_item where update_id in " + updates);
            s.execute("delete from push where release_id = " + release);
            s.execute("delete from update_decision where update_id in " + updates);
            s.execute("delete from update_history where update_id in " + updates);
            s.execute("delete from update_comment where update_id in " + updates);
            s.execute("delete from update_reference where update_id in " + updates);
            s.execute("delete from update_build where update_id in " + updates);
            s.execute("update module_update set obsoleted_by_id = null where id in " + updates);
            s.execute("delete from module_update where id in " + updates);
            s.execute("delete from artifact where module_build_id in " + builds);
            s.execute("delete from module_build where id in " + builds);
            s.execute("delete from cadence where release_id = " + release + " or module_stream_id in " + streams);
            s.execute("delete from release_freeze where release_id = " + release);
            s.execute("delete from module_stream where id in " + streams);
            s.execute("delete from release where id = " + release);
            c.commit();
        }
    }
}
