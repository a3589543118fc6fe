package org.paddock.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The policies decisions are made under, read once for many decisions (a push, a batch of a recompute): the
 * current policies ready for the engine, their versions by id (what a stored decision records), and the instant.
 */
public record PoliciesInForce(List<Policy> policies, Map<String, Integer> versions, Instant at) {

    public PoliciesInForce {
        policies = List.copyOf(policies);
        versions = Map.copyOf(versions);
    }

    static PoliciesInForce now(PolicyService service, Instant at) {
        return new PoliciesInForce(Gating.ready(service.current()), service.currentVersions(), at);
    }

    /** {@code id@version, …} of the policies {@code d} applied. */
    String versionsOf(Decision d) {
        return String.join(", ", d.applicablePolicies().stream().distinct()
                .map(id -> id + "@" + versions.getOrDefault(id, 0)).toList());
    }
}
