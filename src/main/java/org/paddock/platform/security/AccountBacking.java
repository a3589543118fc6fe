package org.paddock.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.InvalidInputException;

import java.io.IOException;
import java.util.List;

/** The account page: who you are, and your API tokens (make one — shown once — or revoke one). */
@Named("account")
@RequestScoped
public class AccountBacking {

    @Inject
    CurrentUser currentUser;

    @Inject
    Accounts accounts;

    @Inject
    FacesContext faces;

    private List<ApiToken> tokens = List.of();
    private String tokenName;
    private String newSecret;

    @PostConstruct
    void load() {
        currentUser.get().ifPresent(u -> tokens = accounts.tokensOf(u));
    }

    /** Sends anonymous visitors to the login page first. */
    public void requireSignedIn() throws IOException {
        if (!currentUser.isSignedIn()) {
            var ext = faces.getExternalContext();
            ext.redirect(ext.getRequestContextPath() + "/login.xhtml?next=/account.xhtml");
            faces.responseComplete();
        }
    }

    public void createToken() {
        try {
            ApiToken.Issued issued = accounts.issueToken(currentUser.require(), tokenName);
            newSecret = issued.secret();
            tokenName = null;
            load();
        } catch (InvalidInputException e) {
            faces.addMessage("tokens-form:token-name", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    e.errors().get(0).reason(), e.errors().get(0).reason()));
        }
    }

    public void revoke(long id) {
        accounts.revokeToken(currentUser.require(), id);
        load();
    }

    public User getUser() {
        return currentUser.get().orElse(null);
    }

    public List<ApiToken> getTokens() {
        return tokens;
    }

    public String getTokenName() {
        return tokenName;
    }

    public void setTokenName(String tokenName) {
        this.tokenName = tokenName;
    }

    public String getNewSecret() {
        return newSecret;
    }
}
