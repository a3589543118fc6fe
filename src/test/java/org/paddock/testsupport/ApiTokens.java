package org.paddock.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.UUID;

/**
 * API tokens for the REST tests, written straight into the test database the way Paddock stores them
 * (only the SHA-256 of the secret), so tests call the API as the demo users do with their own tokens.
 */
public final class ApiTokens {

    private ApiTokens() {
    }

    public static String issue(String username) {
        TestDatabase.ensureRunning();
        return issue(TestDatabase.url(TestDatabase.NAME), username);
    }

    /** A token in the database at {@code jdbcUrl}, e.g. of a Paddock started as a process ({@link PaddockProcess}). */
    public static String issue(String jdbcUrl, String username) {
        String secret = "pdk_test" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(jdbcUrl, TestDatabase.USER, "");
             PreparedStatement s = c.prepareStatement("""
                     insert into api_token (user_id, name, token_hash, token_prefix, created_at)
                     select id, 'test', ?, ?, now() from paddock_user where username = ?""")) {
            s.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8))));
            s.setString(2, secret.substring(0, 10));
            s.setString(3, username);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("no user " + username);
            }
            return secret;
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test token for " + username, e);
        }
    }

    public static void revokeAll(String username) {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("update api_token set revoked_at = now() "
                     + "where user_id = (select id from paddock_user where username = ?)")) {
            s.setString(1, username);
            s.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql) {
        TestDatabase.ensureRunning();
        return count(TestDatabase.url(TestDatabase.NAME), sql);
    }

    /** The one number {@code sql} selects in the database at {@code jdbcUrl}. */
    public static long count(String jdbcUrl, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, TestDatabase.USER, ""); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row {@code sql} selects, for messages that say what the database held. */
    public static java.util.List<String> rows(String sql) {
        TestDatabase.ensureRunning();
        try (Connection c = DriverManager.getConnection(TestDatabase.url(TestDatabase.NAME), TestDatabase.USER, "");
             var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            java.util.List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
