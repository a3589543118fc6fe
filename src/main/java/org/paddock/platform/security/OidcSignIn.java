package org.paddock.platform.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.paddock.platform.ForbiddenException;
import org.paddock.platform.LocalPaths;

import java.io.IOException;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sign-in with the OpenID Connect provider. {@code GET /login/oidc?next=…} sends the person to the provider;
 * the provider sends them back to {@code /login/oidc/callback}, where they are signed in as the login form signs
 * people in (a new session id holding who they are) and sent on. Whatever goes wrong (the provider refused, a
 * stale or forged answer, a disabled account) ends on the sign-in page with a sentence saying so, never an error page.
 */
@WebServlet(urlPatterns = {OidcSignIn.START, OidcSignIn.CALLBACK})
public class OidcSignIn extends HttpServlet {

    static final String START = "/login/oidc";
    static final String CALLBACK = "/login/oidc/callback";
    /** Session attribute: the sign-in under way at the provider. */
    static final String PENDING = "paddock.oidc.pending";
    /** Session attribute: why the last sign-in with the provider failed, for the sign-in page to say once. */
    static final String REFUSAL = "paddock.oidc.refusal";

    private static final Logger LOG = Logger.getLogger(OidcSignIn.class.getName());

    @Inject
    OidcProvider provider;

    @Inject
    People people;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (!provider.configured()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Sign-in with an OpenID Connect provider is not set up");
            return;
        }
        try {
            if (CALLBACK.equals(request.getServletPath())) {
                finish(request, response);
            } else {
                start(request, response);
            }
        } catch (OidcProvider.Refused | ForbiddenException e) {
            LOG.info(() -> "Sign-in with the OpenID Connect provider refused: " + e.getMessage());
            backToSignIn(request, response, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sign-in with the OpenID Connect provider failed", e);
            backToSignIn(request, response, "Sign-in with the provider failed: sign in again, or ask your admin");
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath();
        OidcProvider.Start start = provider.start(provider.redirectUri(base),
                LocalPaths.orHome(request.getParameter("next")));
        request.getSession(true).setAttribute(PENDING, start.pending());
        response.sendRedirect(start.providerUri().toString());
    }

    private void finish(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        OidcProvider.Pending pending = null;
        if (session != null && session.getAttribute(PENDING) instanceof OidcProvider.Pending p) {
            pending = p;
            session.removeAttribute(PENDING); // an answer is used once
        }
        String query = request.getQueryString();
        URI callback = URI.create(request.getRequestURL() + (query == null ? "" : "?" + query));
        OidcIdentity who = provider.finish(callback, pending);
        User user = people.signInFromProvider(who);
        PaddockAuthentication.startSession(user, request);
        response.sendRedirect(request.getContextPath() + pending.next());
    }

    private static void backToSignIn(HttpServletRequest request, HttpServletResponse response, String why)
            throws IOException {
        request.getSession(true).setAttribute(REFUSAL, why);
        response.sendRedirect(request.getContextPath() + "/login.xhtml");
    }
}
