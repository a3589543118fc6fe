package org.paddock.policy;

import java.util.List;

/**
 * Greenwave's {@code !RemoteRule}: "read more rules from the package's gating.yaml". Paddock does not fetch
 * gating.yaml, so the rule is kept only so that Greenwave policy files load and write back unchanged; the
 * engine answers it with an unsatisfied {@code remote-rule-unsupported} requirement (it fails closed).
 *
 * @param sources  the URLs to read gating.yaml from (empty: Greenwave's default dist-git location)
 * @param required whether Greenwave requires the gating.yaml to exist
 */
public record RemoteRule(List<String> sources, boolean required) implements Rule {

    public RemoteRule {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
