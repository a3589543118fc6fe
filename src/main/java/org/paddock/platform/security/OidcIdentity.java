package org.paddock.platform.security;

import org.paddock.platform.Text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who the OpenID Connect provider says signed in, from a validated ID token: the subject, the names, and the value
 * of the groups claim as the token carried it. The rules that turn it into a Paddock account live here, as plain
 * Java: which user name the account gets, and which Paddock groups the claim's groups are.
 */
record OidcIdentity(String subject, String preferredUsername, String name, String email, Object groupsClaim) {

    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

    OidcIdentity {
        Objects.requireNonNull(subject);
    }

    /**
     * The Paddock user name: the provider's {@code preferred_username}, else its subject, in lower case; empty when
     * neither is a name Paddock can show and type (a subject is often an opaque id with capitals or a UUID
     * starting with a digit).
     */
    Optional<String> username() {
        for (String candidate : new String[] {preferredUsername, subject}) {
            if (candidate != null) {
                String n = candidate.strip().toLowerCase(Locale.ROOT);
                if (Accounts.USERNAME.matcher(n).matches()) {
                    return Optional.of(n);
                }
            }
        }
        return Optional.empty();
    }

    /** The name pages show: the {@code name} claim (at most 200 characters), else the user name. */
    String displayName(String username) {
        return name == null || name.isBlank() ? username : Text.clip(name.strip(), 200);
    }

    /** The {@code email} claim when it is an address Paddock can keep, else none. */
    String emailAddress() {
        return email != null && email.length() <= 200 && Accounts.isEmail(email.strip()) ? email.strip() : "";
    }

    /** What the groups claim says, mapped onto the groups Paddock has. */
    record GroupMapping(Set<String> groups, Set<String> ignored) {
    }

    /**
     * The claim's groups that are Paddock groups, and those that are not (ignored: the provider knows many groups
     * Paddock has no use for). The claim is a JSON array of names, or one string of names separated by commas or
     * spaces; a leading {@code /} (Keycloak's group paths) is dropped, and names compare in lower case, as Paddock's
     * group names are. No claim at all means no groups.
     */
    GroupMapping mapGroups(Set<String> paddockGroups) {
        Set<String> matched = new TreeSet<>();
        Set<String> ignored = new TreeSet<>();
        for (String value : claimValues(groupsClaim)) {
            String g = value.strip();
            if (g.startsWith("/")) {
                g = g.substring(1);
            }
            g = g.toLowerCase(Locale.ROOT);
            if (g.isEmpty()) {
                continue;
            }
            (paddockGroups.contains(g) ? matched : ignored).add(g);
        }
        return new GroupMapping(matched, ignored);
    }

    private static List<String> claimValues(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> many) {
            for (Object o : many) {
                if (o != null) {
                    values.add(o.toString());
                }
            }
        } else if (claim instanceof String one) {
            values.addAll(List.of(SEPARATORS.split(one.strip())));
        }
        return values;
    }
}
