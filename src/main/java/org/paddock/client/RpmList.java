package org.paddock.client;

import org.paddock.artifact.Evr;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The installed RPMs as {@code rpm -qa --qf '%{NAME}|%{EPOCH}|%{VERSION}|%{RELEASE}|%{ARCH}|%{MODULARITYLABEL}\n'}
 * prints them ({@code (none)} for an absent epoch or label). {@code gpg-pubkey} entries (keys, not packages) are
 * left out.
 */
public final class RpmList {

    /** The query format the client runs, and that {@code --rpm-list} files hold. */
    public static final String QUERY_FORMAT = "%{NAME}|%{EPOCH}|%{VERSION}|%{RELEASE}|%{ARCH}|%{MODULARITYLABEL}\\n";

    private RpmList() {
    }

    /**
     * @param source names the input in error messages
     * @throws ClientException naming the line that is not six fields, or holds an EVR rpm would not build
     */
    public static List<Installed> read(BufferedReader in, String source) throws IOException {
        List<Installed> packages = new ArrayList<>();
        int n = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            n++;
            Installed p = line(line, n, source);
            if (p != null) {
                packages.add(p);
            }
        }
        return packages;
    }

    /** One line's package, {@code null} for a blank line, a comment or a gpg-pubkey. */
    private static Installed line(String line, int n, String source) {
        if (line.isBlank() || line.startsWith("#")) {
            return null;
        }
        String[] f = line.strip().split("\\|", -1);
        if (f.length != 6) {
            throw new ClientException(source + " line " + n + ": expected NAME|EPOCH|VERSION|RELEASE|ARCH|MODULARITYLABEL"
                    + " (rpm -qa --qf '" + QUERY_FORMAT.replace("\\n", "") + "'), got: " + shorten(line));
        }
        if (f[0].equals("gpg-pubkey")) {
            return null;
        }
        try {
            return Installed.rpm(f[0], new Evr(none(f[1]), f[2], f[3]), f[4], none(f[5]));
        } catch (IllegalArgumentException e) {
            throw new ClientException(source + " line " + n + ": " + e.getMessage());
        }
    }

    private static String none(String field) {
        return field.isEmpty() || field.equals("(none)") ? null : field;
    }

    static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
