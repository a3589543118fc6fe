package org.paddock.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The distribution's OpenID Connect provider, when {@code PADDOCK_OIDC_ISSUER}, {@code PADDOCK_OIDC_CLIENT_ID} and
 * {@code PADDOCK_OIDC_CLIENT_SECRET} name it: the authorization-code flow with state, nonce and PKCE, the code
 * exchanged with the client secret, and the ID token validated against the provider's published keys. The protocol
 * is the Nimbus OAuth 2.0 SDK's; what Paddock makes of the person is {@link OidcIdentity}'s and {@link People}'s.
 */
@ApplicationScoped
public class OidcProvider {

    private static final Logger LOG = Logger.getLogger(OidcProvider.class.getName());
    private static final int TIMEOUT_MS = 10_000;

    @Inject
    @ConfigProperty(name = "paddock.oidc.issuer")
    Optional<String> issuerSetting;

    @Inject
    @ConfigProperty(name = "paddock.oidc.client.id")
    Optional<String> clientIdSetting;

    @Inject
    @ConfigProperty(name = "paddock.oidc.client.secret")
    Optional<String> clientSecretSetting;

    @Inject
    @ConfigProperty(name = "paddock.oidc.groups.claim", defaultValue = "groups")
    String groupsClaim;

    @Inject
    @ConfigProperty(name = "paddock.oidc.name")
    Optional<String> name;

    @Inject
    @ConfigProperty(name = "paddock.base-url")
    Optional<String> baseUrl;

    private volatile OIDCProviderMetadata metadata;
    private volatile IDTokenValidator validator;

    // a compose file passes an unset variable on as an empty one: empty is unset here too
    private Optional<String> issuer() {
        return issuerSetting.map(String::strip).filter(v -> !v.isEmpty());
    }

    private Optional<String> clientId() {
        return clientIdSetting.map(String::strip).filter(v -> !v.isEmpty());
    }

    private Optional<String> clientSecret() {
        return clientSecretSetting.filter(v -> !v.isBlank());
    }

    /** What a sign-in that went to the provider must find again when the person comes back. */
    record Pending(String state, String nonce, String verifier, String redirectUri, String next) implements Serializable {
    }

    /** A sign-in the provider or Paddock refused; the message is for the person on the sign-in page. */
    static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Says at start whether sign-in with the provider is offered. The launcher refuses half a setting; a container
     * started without it gets this line instead of a sign-in page that silently lacks the provider.
     */
    void sayAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (configured()) {
            LOG.info(() -> "Sign-in with the OpenID Connect provider " + issuer().orElseThrow() + " is offered as '"
                    + displayName() + "'; groups come from the claim '" + groupsClaim + "'");
        } else if (issuer().isPresent() || clientId().isPresent() || clientSecret().isPresent()) {
            LOG.warning("Sign-in with an OpenID Connect provider is not offered: PADDOCK_OIDC_ISSUER, "
                    + "PADDOCK_OIDC_CLIENT_ID and PADDOCK_OIDC_CLIENT_SECRET go together, and only some are set");
        }
    }

    /** Whether sign-in with the provider is offered. */
    public boolean configured() {
        return issuer().isPresent() && clientId().isPresent() && clientSecret().isPresent();
    }

    /** The provider's name on the sign-in button: {@code PADDOCK_OIDC_NAME}, else the issuer's host. */
    public String displayName() {
        return name.filter(n -> !n.isBlank()).orElseGet(() -> issuer().map(i -> {
            String host = URI.create(i).getHost();
            return host == null ? i : host;
        }).orElse("your provider"));
    }

    /**
     * The address the provider sends the person back to: under {@code PADDOCK_BASE_URL} (the address people open
     * Paddock at, behind a proxy too), else under this request's own address.
     */
    String redirectUri(String requestBase) {
        String base = baseUrl.filter(u -> !u.isBlank()).orElse(requestBase);
        return base.replaceAll("/+$", "") + "/login/oidc/callback";
    }

    /** A new sign-in: what to remember, and the provider's address to send the person to. */
    Start start(String redirectUri, String next) {
        OIDCProviderMetadata meta = metadata();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI to = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "profile", "email"),
                new ClientID(clientId().orElseThrow()), URI.create(redirectUri))
                .endpointURI(meta.getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
        return new Start(new Pending(state.getValue(), nonce.getValue(), verifier.getValue(), redirectUri, next), to);
    }

    record Start(Pending pending, URI providerUri) {
    }

    /**
     * The person back from the provider at {@code callback} (the full address, with its query): the provider's
     * answer checked against what was {@code pending}, the code exchanged, the ID token validated; who they are.
     */
    OidcIdentity finish(URI callback, Pending pending) {
        AuthenticationResponse answer;
        try {
            answer = AuthenticationResponseParser.parse(callback);
        } catch (ParseException e) {
            throw new Refused("The provider's answer could not be read: sign in again");
        }
        if (pending == null || answer.getState() == null || !pending.state().equals(answer.getState().getValue())) {
            throw new Refused("This sign-in was not started here, or it expired: sign in again");
        }
        if (!answer.indicatesSuccess()) {
            ErrorObject error = answer.toErrorResponse().getErrorObject();
            throw new Refused(refusal(error));
        }
        AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();
        if (code == null) {
            throw new Refused("The provider sent no authorization code: sign in again");
        }
        OIDCProviderMetadata meta = metadata();
        ClientID client = new ClientID(clientId().orElseThrow());
        try {
            TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(meta.getTokenEndpointURI(),
                    clientAuthentication(meta, client), new AuthorizationCodeGrant(code, URI.create(pending.redirectUri()),
                    new CodeVerifier(pending.verifier()))).toHTTPRequest().send());
            if (!tokens.indicatesSuccess()) {
                throw new Refused(refusal(tokens.toErrorResponse().getErrorObject()));
            }
            var idToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
            IDTokenClaimsSet claims = validator(meta, client).validate(idToken, new Nonce(pending.nonce()));
            return new OidcIdentity(claims.getSubject().getValue(), claims.getStringClaim("preferred_username"),
                    claims.getStringClaim("name"), claims.getStringClaim("email"), claims.getClaim(groupsClaim));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The OpenID Connect provider could not be reached for the token", e);
            throw new Refused("The sign-in provider did not answer: try again in a moment");
        } catch (ParseException | com.nimbusds.jose.JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
            LOG.log(Level.WARNING, "The OpenID Connect provider's tokens were refused", e);
            throw new Refused("The sign-in provider's answer did not hold up (" + e.getMessage() + "): sign in again");
        }
    }

    /** The provider's error as a person reads it; the codes are RFC 6749's and OpenID Connect's. */
    static String refusal(ErrorObject error) {
        String code = error == null || error.getCode() == null ? "" : error.getCode();
        String why = switch (code) {
            case "access_denied" -> "The sign-in provider refused the sign-in (access denied)";
            case "login_required", "interaction_required", "consent_required" ->
                    "The sign-in provider needs you to sign in there first";
            default -> "The sign-in provider refused the sign-in" + (code.isEmpty() ? "" : " (" + code + ")");
        };
        return why + ": sign in again, or ask your admin";
    }

    /** The client secret sent as the provider asks: HTTP Basic unless it takes only form posts. */
    private ClientAuthentication clientAuthentication(OIDCProviderMetadata meta, ClientID client) {
        Secret secret = new Secret(clientSecret().orElseThrow());
        List<ClientAuthenticationMethod> methods = meta.getTokenEndpointAuthMethods();
        boolean postOnly = methods != null && !methods.isEmpty()
                && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        return postOnly ? new ClientSecretPost(client, secret) : new ClientSecretBasic(client, secret);
    }

    /** Checks ID tokens with the provider's published keys, fetched once and again when a token names a new key. */
    private IDTokenValidator validator(OIDCProviderMetadata meta, ClientID client) throws IOException {
        IDTokenValidator v = validator;
        if (v == null) {
            v = new IDTokenValidator(meta.getIssuer(), client, signingAlgorithm(meta), meta.getJWKSetURI().toURL());
            validator = v;
        }
        return v;
    }

    private static JWSAlgorithm signingAlgorithm(OIDCProviderMetadata meta) {
        List<JWSAlgorithm> algs = meta.getIDTokenJWSAlgs();
        return algs == null || algs.isEmpty() || algs.contains(JWSAlgorithm.RS256) ? JWSAlgorithm.RS256 : algs.get(0);
    }

    /** The provider's discovery document, read once (again after a failure, so a provider down at start is no harm). */
    private OIDCProviderMetadata metadata() {
        OIDCProviderMetadata m = metadata;
        if (m == null) {
            try {
                m = OIDCProviderMetadata.resolve(new Issuer(issuer().orElseThrow()), TIMEOUT_MS, TIMEOUT_MS);
            } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException e) {
                LOG.log(Level.WARNING, "The OpenID Connect provider " + issuer().orElseThrow() + " could not be discovered", e);
                throw new Refused("The sign-in provider could not be reached: try again in a moment, or sign in "
                        + "with a Paddock password");
            }
            metadata = m;
        }
        return m;
    }
}
