package org.paddock.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Pages, feeds and OSV documents: a request that failed because the database cannot be reached is answered 503
 * with {@code Retry-After} and one plain sentence, never the 500 page. (REST errors are mapped by the API itself.)
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DatabaseUnavailableFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warning(() -> request.getMethod() + " " + request.getRequestURI() + ": 503, the database cannot be reached");
            response.reset();
            response.setStatus(503);
            response.setIntHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().println(DatabaseUnavailable.MESSAGE);
        }
    }
}
