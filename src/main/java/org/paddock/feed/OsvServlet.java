package org.paddock.feed;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * OSV for scanners: {@code /osv/{alias}.json} for one advisory, {@code /osv/all.zip} for every published one (one
 * {@code {id}.json} per advisory, as OSV's own bulk exports are laid out).
 */
@WebServlet("/osv/*")
public class OsvServlet extends HttpServlet {

    private static final Pattern ONE = Pattern.compile("^/([A-Za-z0-9][A-Za-z0-9._-]{0,63})\\.json$");
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    @Inject
    AdvisoryReader reader;

    @Inject
    @ConfigProperty(name = "paddock.osv.rpm-ecosystem", defaultValue = "Red Hat")
    String rpmEcosystem;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        OsvWriter osv = new OsvWriter(rpmEcosystem);
        String base = FeedServlet.baseUrl(req);
        try {
            if (path.equals("/all.zip")) {
                AdvisoryReader.Selection all = AdvisoryReader.Selection.published();
                AdvisoryReader.Version v = reader.version(all);
                if (FeedServlet.notModified(req, resp, v.etag("osv-all"), v.lastModified())) {
                    return;
                }
                resp.setContentType("application/zip");
                ZipOutputStream zip = new ZipOutputStream(resp.getOutputStream());
                reader.read(all, base, a -> {
                    zip.putNextEntry(new ZipEntry(a.id() + ".json"));
                    JsonGenerator g = JSON.createGenerator(new NonClosing(zip));
                    osv.write(a, g);
                    g.close();
                    zip.closeEntry();
                });
                zip.finish();
                zip.flush();
                return;
            }
            Matcher m = ONE.matcher(path);
            if (!m.matches()) {
                resp.sendError(404, "OSV documents are /osv/{alias}.json and /osv/all.zip");
                return;
            }
            AdvisoryReader.Selection one = AdvisoryReader.Selection.one(m.group(1));
            AdvisoryReader.Version v = reader.version(one);
            if (v.count() == 0) {
                resp.sendError(404, "there is no update " + m.group(1));
                return;
            }
            if (FeedServlet.notModified(req, resp, v.etag("osv-" + m.group(1)), v.lastModified())) {
                return;
            }
            resp.setContentType("application/json;charset=UTF-8");
            JsonGenerator g = JSON.createGenerator(resp.getOutputStream());
            reader.read(one, base, a -> osv.write(a, g));
            g.close();
        } catch (SQLException e) {
            throw new IOException("reading the advisories failed", e);
        }
    }

    /** Lets a JSON generator close without closing the zip entry's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
