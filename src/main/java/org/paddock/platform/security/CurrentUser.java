package org.paddock.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.Optional;

/** Who is calling in this request, loaded once; pages use it as {@code #{currentUser}}. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext security;

    @Inject
    Accounts accounts;

    @Inject
    HttpServletRequest request;

    private Optional<User> user;

    public Optional<User> get() {
        if (user == null) {
            Principal p = security.getCallerPrincipal();
            user = p == null ? Optional.empty() : accounts.byUsername(p.getName()).filter(User::isActive);
        }
        return user;
    }

    /** The caller, or 401 when anonymous. */
    public User require() {
        return get().orElseThrow(() -> new NotSignedInException("sign in (or send an API token) to do this"));
    }

    /**
     * The caller of a REST action that changes something: only API tokens count there, so a page's session
     * cookie can never be used to change things through the API behind the person's back.
     */
    public User requireApiCaller() {
        if (!"token".equals(request.getAttribute(PaddockAuthentication.VIA))) {
            throw new NotSignedInException("send an API token: Authorization: Bearer <token> (make one on your account page)");
        }
        return require();
    }

    public boolean isSignedIn() {
        return get().isPresent();
    }

    public String getUsername() {
        return get().map(User::getUsername).orElse("");
    }

    public String getDisplayName() {
        return get().map(User::getDisplayName).orElse("");
    }

    public boolean has(Role role) {
        return get().map(u -> u.has(role)).orElse(false);
    }

    // --- what the caller may do, for pages: the answers are Permissions' ------------------------------------

    public boolean mayEditPolicies() {
        return Permissions.mayEditPolicies(get().orElse(null));
    }

    public boolean mayWaive() {
        return Permissions.mayWaive(get().orElse(null));
    }

    public boolean mayEditCadence() {
        return Permissions.mayEditCadence(get().orElse(null));
    }

    public boolean mayOverrideWindow() {
        return Permissions.mayOverrideWindow(get().orElse(null));
    }

    public boolean mayManageWebhooks() {
        return Permissions.mayManageWebhooks(get().orElse(null));
    }

    public boolean mayManageReleases() {
        return Permissions.mayManageReleases(get().orElse(null));
    }

    public boolean mayManageUsers() {
        return Permissions.mayManageUsers(get().orElse(null));
    }

    public boolean mayMaintain(java.util.Collection<Permissions.Owned> streams) {
        return Permissions.mayMaintain(get().orElse(null), streams);
    }

    public boolean mayHold(java.util.Collection<Permissions.Owned> streams) {
        return Permissions.mayHold(get().orElse(null), streams);
    }

    /** Thrown when an action needs a known caller; answered with 401 or a redirect to the login page. */
    public static class NotSignedInException extends RuntimeException {
        public NotSignedInException(String message) {
            super(message);
        }
    }
}
