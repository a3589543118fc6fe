package org.paddock.platform.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that turn what the OpenID Connect provider says into a Paddock account: its name and its groups. */
class OidcIdentityTest {

    private static final Set<String> PADDOCK = Set.of("httpd-maintainers", "nginx-maintainers", "ruby-maintainers");

    private static OidcIdentity withGroups(Object claim) {
        return new OidcIdentity("c0ffee-42", "carol", "Carol Packager", "carol@example.org", claim);
    }

    @Test
    void claimGroupsThatPaddockHasAreTheGroupsAndTheRestAreIgnored() {
        OidcIdentity.GroupMapping m = withGroups(List.of("httpd-maintainers", "packager", "ruby-maintainers"))
                .mapGroups(PADDOCK);
        assertThat(m.groups()).containsExactly("httpd-maintainers", "ruby-maintainers");
        assertThat(m.ignored()).containsExactly("packager");
    }

    @Test
    void keycloakGroupPathsAndCapitalsMatchPaddocksLowerCaseNames() {
        OidcIdentity.GroupMapping m = withGroups(List.of("/httpd-maintainers", "Nginx-Maintainers", "/staff/ruby-maintainers"))
                .mapGroups(PADDOCK);
        assertThat(m.groups()).containsExactly("httpd-maintainers", "nginx-maintainers");
        assertThat(m.ignored()).as("a nested path is not a Paddock group").containsExactly("staff/ruby-maintainers");
    }

    @Test
    void aClaimOfOneStringHoldsNamesSeparatedByCommasOrSpaces() {
        assertThat(withGroups("httpd-maintainers, ruby-maintainers other").mapGroups(PADDOCK).groups())
                .containsExactly("httpd-maintainers", "ruby-maintainers");
        assertThat(withGroups("httpd-maintainers").mapGroups(PADDOCK).groups()).containsExactly("httpd-maintainers");
    }

    @Test
    void noClaimOrAnEmptyOneOrOneOfAnotherShapeMeansNoGroups() {
        for (Object claim : new Object[] {null, List.of(), "", 42, java.util.Map.of("httpd-maintainers", true)}) {
            OidcIdentity.GroupMapping m = withGroups(claim).mapGroups(PADDOCK);
            assertThat(m.groups()).as(String.valueOf(claim)).isEmpty();
        }
    }

    @Test
    void theUserNameIsThePreferredUsernameElseTheSubjectInLowerCase() {
        assertThat(new OidcIdentity("c0ffee-42", "Carol", null, null, null).username()).contains("carol");
        assertThat(new OidcIdentity("dave.k", null, null, null, null).username()).contains("dave.k");
        assertThat(new OidcIdentity("Dave", "not a name", null, null, null).username()).contains("dave");
        assertThat(new OidcIdentity("4f0c2a9e-7d1b", null, null, null, null).username())
                .as("an opaque subject starting with a digit is no user name").isEmpty();
    }

    @Test
    void theDisplayNameIsTheNameClaimElseTheUserName() {
        assertThat(withGroups(null).displayName("carol")).isEqualTo("Carol Packager");
        assertThat(new OidcIdentity("s", "carol", " ", null, null).displayName("carol")).isEqualTo("carol");
        assertThat(new OidcIdentity("s", "carol", "C".repeat(300), null, null).displayName("carol")).hasSize(200);
    }

    @Test
    void anEmailClaimThatIsNoAddressIsNotKept() {
        assertThat(withGroups(null).emailAddress()).isEqualTo("carol@example.org");
        assertThat(new OidcIdentity("s", "carol", null, "carol at example", null).emailAddress()).isEmpty();
        assertThat(new OidcIdentity("s", "carol", null, null, null).emailAddress()).isEmpty();
    }
}
