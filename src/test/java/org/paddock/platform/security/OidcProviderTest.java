package org.paddock.platform.security;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.openid.connect.sdk.OIDCError;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the sign-in page says when the provider refuses, and where the provider sends people back to. */
class OidcProviderTest {

    @Test
    void theProvidersErrorsReadAsSentences() {
        assertThat(OidcProvider.refusal(OAuth2Error.ACCESS_DENIED))
                .isEqualTo("The sign-in provider refused the sign-in (access denied): sign in again, or ask your admin");
        assertThat(OidcProvider.refusal(OIDCError.LOGIN_REQUIRED))
                .startsWith("The sign-in provider needs you to sign in there first");
        assertThat(OidcProvider.refusal(new ErrorObject("temporarily_unavailable")))
                .isEqualTo("The sign-in provider refused the sign-in (temporarily_unavailable): sign in again, or ask "
                        + "your admin");
        assertThat(OidcProvider.refusal(null)).startsWith("The sign-in provider refused the sign-in: ");
    }

    @Test
    void peopleComeBackUnderTheBaseUrlElseUnderTheRequestsAddress() {
        OidcProvider provider = new OidcProvider();
        provider.baseUrl = Optional.empty();
        assertThat(provider.redirectUri("http://localhost:8080")).isEqualTo("http://localhost:8080/login/oidc/callback");
        provider.baseUrl = Optional.of("https://updates.example.org/paddock/");
        assertThat(provider.redirectUri("http://10.0.0.5:8080"))
                .isEqualTo("https://updates.example.org/paddock/login/oidc/callback");
    }
}
