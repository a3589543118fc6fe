package org.paddock.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.paddock.platform.DatabaseUnavailable;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * How callers prove who they are. REST clients send {@code Authorization: Bearer <token>}; people sign in
 * on the login page, or with the OpenID Connect provider ({@link OidcSignIn}), and are remembered in their session.
 * Everyone else is anonymous, which is enough to read; every action checks its caller on the server ({@link CurrentUser}, the services).
 */
@ApplicationScoped
public class PaddockAuthentication implements HttpAuthenticationMechanism {

    static final String SESSION_USER = "paddock.user";
    /** Request attribute: "token" when the caller used an API token, "session" when signed in. */
    public static final String VIA = "paddock.auth";

    @Inject
    Accounts accounts;

    @Inject
    SignInThrottle throttle;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<User> user;
            try {
                user = accounts.checkToken(authorization.substring(7).strip());
            } catch (RuntimeException e) {
                // checked before any filter or exception mapper runs: answer here, as the API would
                if (!DatabaseUnavailable.isCause(e)) {
                    throw e;
                }
                response.setIntHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
                return refuse(response, 503, DatabaseUnavailable.MESSAGE);
            }
            if (user.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"paddock\"");
                return refuse(response, 401, "the API token is unknown or revoked");
            }
            request.setAttribute(VIA, "token");
            return context.notifyContainerAboutLogin(user.get().getUsername(), Set.of());
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential login) {
            return signIn(login, request, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof String name) {
            request.setAttribute(VIA, "session");
            return context.notifyContainerAboutLogin(name, Set.of());
        }
        return context.doNothing();
    }

    /**
     * A person signing in on the login page. While their user name or address is locked ({@link SignInThrottle})
     * even the right password is refused, unchecked; the lock is left in the request for the page to tell.
     */
    private AuthenticationStatus signIn(UsernamePasswordCredential login, HttpServletRequest request,
                                        HttpMessageContext context) {
        String address = request.getRemoteAddr();
        Optional<SignInLock> lock = throttle.lockFor(login.getCaller(), address);
        if (lock.isEmpty()) {
            Optional<User> user = accounts.checkPassword(login.getCaller(), login.getPasswordAsString());
            if (user.isPresent()) {
                throttle.succeeded(user.get().getUsername());
                return signedIn(user.get(), request, context);
            }
            lock = throttle.failed(login.getCaller(), address);
        }
        lock.ifPresent(l -> request.setAttribute(SignInLock.ATTRIBUTE, l));
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus signedIn(User user, HttpServletRequest request, HttpMessageContext context) {
        startSession(user, request);
        request.setAttribute(VIA, "session");
        return context.notifyContainerAboutLogin(user.getUsername(), Set.of());
    }

    /**
     * Remembers {@code user} as signed in from this request on, under a new session id (a session id someone saw
     * before signing in is worth nothing after). The login form and the OpenID Connect sign-in both end here.
     */
    static void startSession(User user, HttpServletRequest request) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(SESSION_USER, user.getUsername());
    }

    /** A problem document, as the API's own errors are, for what is refused before the API runs. */
    private static AuthenticationStatus refuse(HttpServletResponse response, int status, String detail) {
        try {
            response.setStatus(status);
            response.setContentType(org.paddock.platform.rest.Problem.JSON.toString());
            response.getWriter().write(org.paddock.platform.rest.Problem.json(status, detail, java.util.List.of()));
        } catch (IOException e) {
            // the status is what matters
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_USER);
        }
    }
}
