package org.paddock.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a {@code decision.changed} event tells a webhook: the update, the gate, the decision before and now, why. */
final class DecisionChanged {

    private DecisionChanged() {
    }

    static Map<String, Object> payload(String alias, String release, DecisionContext context,
                                       Optional<StoredDecisions.Previous> previous, Decision now, String versions,
                                       String cause) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("update", alias);
        payload.put("release", release);
        payload.put("decision_context", context.word());
        payload.put("previous", previous.map(p -> Map.<String, Object>of("status", p.status(),
                "policies_satisfied", p.satisfied())).orElse(null));
        payload.put("status", now.status());
        payload.put("policies_satisfied", now.policiesSatisfied());
        payload.put("summary", now.summary());
        payload.put("unsatisfied_requirements", now.unsatisfied().stream().map(Requirement::summary).toList());
        payload.put("policy_versions", versions);
        payload.put("cause", cause);
        return payload;
    }
}
