package org.paddock.platform.rest;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Duration;

/**
 * Bounds every API body: above {@code paddock.api.max-body-bytes} (default 2 MiB) it is refused with 413 —
 * at once when its length is declared, as soon as the limit is passed when it comes chunked — and one that
 * is still arriving {@code paddock.api.body-timeout} (default 30 s) after the first read is cut with 408,
 * so a client that sends a byte now and then cannot hold a thread; one that stops sending is cut by the
 * server's read timeout (10 s without a byte, payara-preboot.asadmin), also with 408.
 */
@WebFilter(urlPatterns = "/api/*")
public class BodyLimitFilter extends HttpFilter {

    @Inject
    @ConfigProperty(name = "paddock.api.max-body-bytes", defaultValue = "2097152")
    long limit;

    @Inject
    @ConfigProperty(name = "paddock.api.body-timeout", defaultValue = "PT30S")
    Duration timeout;

    /** A body over the limit or too slow: its status is 413 or 408, whoever reads it. */
    public static final class BodyRefused extends WebApplicationException {
        BodyRefused(String message, int status) {
            super(message, status);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > limit) {
            response.setStatus(413);
            response.setContentType(Problem.JSON.toString());
            response.getWriter().write(Problem.json(413, tooLarge(), java.util.List.of()));
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new Limited(request.getInputStream());
                }
                return limited;
            }
        }, response);
    }

    private String tooLarge() {
        return "the body is larger than " + limit + " bytes";
    }

    private final class Limited extends ServletInputStream {
        private final ServletInputStream in;
        private long read;
        private long deadline;

        Limited(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (deadline == 0) {
                deadline = System.nanoTime() + timeout.toNanos();
            }
            int n;
            try {
                n = in.read(buf, off, len);
            } catch (IOException e) {
                // the container's read timeout (10 s without a byte), or the client went away
                throw new BodyRefused("the body stopped arriving before its end", 408);
            }
            if (n > 0 && (read += n) > limit) {
                throw new BodyRefused(tooLarge(), 413);
            }
            if (n >= 0 && System.nanoTime() - deadline > 0) {
                throw new BodyRefused("the body was still arriving after " + timeout.toSeconds() + " s", 408);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
