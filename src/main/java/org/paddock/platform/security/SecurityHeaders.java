package org.paddock.platform.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * The security headers of every response Paddock's application writes: pages, error pages, the API, feeds and
 * static resources. The Content-Security-Policy allows only Paddock's own scripts, styles, images and fonts and
 * no framing; on Faces pages PrimeFaces ({@code primefaces.CSP} in web.xml) adds the nonce of the page's own
 * inline scripts to {@code script-src}, and nothing else. (The {@code Server} header's version is switched off
 * in Payara itself: {@code payara-preboot.asadmin}.)
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD,
        DispatcherType.ERROR, DispatcherType.ASYNC})
public class SecurityHeaders extends HttpFilter {

    static final String CSP = "Content-Security-Policy";
    /** Everything but scripts; {@code style-src} allows inline styles: PrimeFaces widgets write style attributes. */
    static final String POLICY = "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "form-action 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'";
    static final String SCRIPTS = "script-src 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(CSP, POLICY + "; " + SCRIPTS);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, CSP.equalsIgnoreCase(name) ? withScripts(value) : value);
            }

            @Override
            public void addHeader(String name, String value) {
                if (CSP.equalsIgnoreCase(name)) {
                    setHeader(name, value);
                } else {
                    super.addHeader(name, value);
                }
            }
        });
    }

    /** PrimeFaces' header is its {@code script-src} with the page's nonce: it replaces ours, the rest stays. */
    private static String withScripts(String scriptSrc) {
        return POLICY + "; " + scriptSrc.strip();
    }
}
