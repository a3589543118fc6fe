package org.paddock.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.paddock.platform.LocalPaths;

import java.io.IOException;
import java.time.Clock;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/** The login page and the sign-out button in the header. */
@Named("login")
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    Clock clock;

    @Inject
    OidcProvider provider;

    private String username;
    private String password;
    private String next;

    public void signIn() throws IOException {
        ExternalContext ext = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate((HttpServletRequest) ext.getRequest(),
                (HttpServletResponse) ext.getResponse(),
                withParams().newAuthentication(true).credential(new UsernamePasswordCredential(
                        username == null ? "" : username.strip(), password == null ? "" : password)));
        if (status == AuthenticationStatus.SUCCESS) {
            ext.redirect(ext.getRequestContextPath() + LocalPaths.orHome(next));
            faces.responseComplete();
        } else if (ext.getRequestMap().get(SignInLock.ATTRIBUTE) instanceof SignInLock lock) {
            String refusal = lock.message(clock.instant());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal, refusal));
        } else {
            faces.addMessage("login-form:password", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Wrong user name or password", "Wrong user name or password"));
        }
    }

    /** On opening the page: why the last sign-in with the OpenID Connect provider failed, said once. */
    public void showProviderRefusal() {
        if (faces.getExternalContext().getSession(false) instanceof jakarta.servlet.http.HttpSession session
                && session.getAttribute(OidcSignIn.REFUSAL) instanceof String refusal) {
            session.removeAttribute(OidcSignIn.REFUSAL);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal, refusal));
        }
    }

    /** Whether the page offers sign-in with the distribution's OpenID Connect provider. */
    public boolean isProviderConfigured() {
        return provider.configured();
    }

    /** The provider's name on its sign-in link. */
    public String getProviderName() {
        return provider.displayName();
    }

    /** Where the provider's sign-in link goes: the provider, then back to {@code next}. */
    public String getProviderSignInPath() {
        return OidcSignIn.START + "?next=" + java.net.URLEncoder.encode(LocalPaths.orHome(next),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext ext = faces.getExternalContext();
        ((HttpServletRequest) ext.getRequest()).logout();
        ext.invalidateSession();
        ext.redirect(ext.getRequestContextPath() + "/");
        faces.responseComplete();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
