package org.paddock.feed;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The feeds clients read, streamed straight from the database:
 * <ul>
 *   <li>{@code /feeds/{release}/{testing|stable}/updateinfo.xml} (and {@code .xml.gz}) and {@code modules.yaml},
 *       ready for {@code modifyrepo_c}, with {@code ETag}/{@code Last-Modified} and 304 answers;</li>
 *   <li>{@code /feeds/atom.xml} with optional {@code release}, {@code module} and {@code security=true}.</li>
 * </ul>
 */
@WebServlet("/feeds/*")
public class FeedServlet extends HttpServlet {

    private static final Pattern CHANNEL_FILE = Pattern.compile("^/([A-Za-z][A-Za-z0-9._-]*)/(testing|stable)/(updateinfo\\.xml|updateinfo\\.xml\\.gz|modules\\.yaml)$");
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @Inject
    AdvisoryReader reader;

    @Inject
    AtomFeeds atom;

    @Inject
    @ConfigProperty(name = "paddock.feeds.from", defaultValue = "paddock@localhost")
    String from;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        try {
            if (path.equals("/atom.xml")) {
                atom(req, resp);
                return;
            }
            Matcher m = CHANNEL_FILE.matcher(path);
            if (!m.matches()) {
                resp.sendError(404, "no such feed: feeds are /feeds/{release}/{testing|stable}/updateinfo.xml[.gz], "
                        + "modules.yaml, and /feeds/atom.xml");
                return;
            }
            AdvisoryReader.Selection sel = AdvisoryReader.Selection.channel(m.group(1), m.group(2));
            String file = m.group(3);
            AdvisoryReader.Version v = reader.version(sel);
            // a release with published updates exists: only an empty feed needs to ask
            if (v.count() == 0 && !reader.releaseExists(m.group(1))) {
                resp.sendError(404, "there is no release '" + m.group(1) + "'");
                return;
            }
            if (notModified(req, resp, v.etag(m.group(1) + "-" + m.group(2) + "-" + file), v.lastModified())) {
                return;
            }
            String base = baseUrl(req);
            switch (file) {
                case "updateinfo.xml", "updateinfo.xml.gz" -> {
                    resp.setContentType(file.endsWith(".gz") ? "application/gzip" : "application/xml;charset=UTF-8");
                    OutputStream raw = new BufferedOutputStream(resp.getOutputStream(), 64 * 1024);
                    OutputStream out = file.endsWith(".gz") ? new GZIPOutputStream(raw, 64 * 1024) : raw;
                    try (UpdateinfoWriter w = new UpdateinfoWriter(out, from)) {
                        reader.read(sel, base, w::write);
                    }
                    if (out instanceof GZIPOutputStream gz) {
                        gz.finish();
                    }
                    out.flush();
                }
                default -> {
                    resp.setContentType("application/yaml;charset=UTF-8");
                    try (ModulesYamlWriter w = new ModulesYamlWriter(resp.getOutputStream())) {
                        reader.read(sel, base, w::write);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("reading the feed failed", e);
        }
    }

    private void atom(HttpServletRequest req, HttpServletResponse resp) throws IOException, SQLException {
        String release = blankToNull(req.getParameter("release"));
        String module = blankToNull(req.getParameter("module"));
        boolean security = "true".equalsIgnoreCase(req.getParameter("security"));
        if (release != null && !reader.releaseExists(release)) {
            resp.sendError(404, "there is no release '" + release + "'");
            return;
        }
        resp.setContentType("application/atom+xml;charset=UTF-8");
        String self = baseUrl(req) + "feeds/atom.xml" + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
        var out = new OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8);
        atom.write(new AtomFeeds.Scope(release, module, security), baseUrl(req), self, out);
        out.flush();
    }

    /** Sets the caching headers; answers 304 (and returns true) when the client's copy is current. */
    static boolean notModified(HttpServletRequest req, HttpServletResponse resp, String etag, Instant lastModified) {
        resp.setHeader("ETag", etag);
        resp.setHeader("Cache-Control", "public, max-age=60");
        if (lastModified != null) {
            resp.setHeader("Last-Modified", HTTP_DATE.format(lastModified.truncatedTo(ChronoUnit.SECONDS)));
        }
        String inm = req.getHeader("If-None-Match");
        if (inm != null) {
            for (String tag : inm.split(",")) {
                String t = tag.strip();
                if (t.equals(etag) || t.equals("*") || t.equals("W/" + etag)) {
                    resp.setStatus(304);
                    return true;
                }
            }
            return false;
        }
        long ims = -1;
        try {
            ims = req.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException ignored) {
            // not a date: send the feed
        }
        if (ims >= 0 && lastModified != null && lastModified.truncatedTo(ChronoUnit.SECONDS).toEpochMilli() <= ims) {
            resp.setStatus(304);
            return true;
        }
        return false;
    }

    static String baseUrl(HttpServletRequest req) {
        String scheme = req.getScheme();
        int port = req.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + req.getServerName() + (defaultPort ? "" : ":" + port) + req.getContextPath() + "/";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
