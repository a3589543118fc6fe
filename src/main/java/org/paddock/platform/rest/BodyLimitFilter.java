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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;

/** Refuses API bodies above {@code paddock.api.max-body-bytes} (default 2 MiB) with 413, before anything reads them. */
@WebFilter(urlPatterns = "/api/*")
public class BodyLimitFilter extends HttpFilter {

    @Inject
    @ConfigProperty(name = "paddock.api.max-body-bytes", defaultValue = "2097152")
    long limit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > limit) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                return new Limited(request.getInputStream(), limit);
            }
        }, response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                + "\"detail\":\"the body is larger than " + limit + " bytes\"}");
    }

    private static final class Limited extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Limited(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > limit) {
                throw new jakarta.ws.rs.WebApplicationException("the body is larger than " + limit + " bytes", 413);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0 && (read += n) > limit) {
                throw new jakarta.ws.rs.WebApplicationException("the body is larger than " + limit + " bytes", 413);
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
