package org.paddock.policy;

import java.util.List;

/**
 * The answer for a subject at a gate.
 *
 * @param policiesSatisfied  whether the subject may pass the gate
 * @param summary            Greenwave's one-line summary, e.g. "Of 3 required tests, 1 test failed"
 * @param satisfied          passed, waived and karma-satisfied answers, in rule order
 * @param unsatisfied        the other answers, in rule order
 * @param applicablePolicies ids of the policies that applied, in the order they were given
 * @param status             {@code passed}, {@code failed}, {@code waiting} (only missing or incomplete
 *                           results, or too little karma, are left) or {@code ignored} (no policy applies)
 */
public record Decision(boolean policiesSatisfied, String summary, List<Requirement> satisfied,
                       List<Requirement> unsatisfied, List<String> applicablePolicies, String status) {

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String WAITING = "waiting";
    public static final String IGNORED = "ignored";

    public Decision {
        satisfied = List.copyOf(satisfied);
        unsatisfied = List.copyOf(unsatisfied);
        applicablePolicies = List.copyOf(applicablePolicies);
    }

    /**
     * One answer for several subjects at one gate (an update with its module builds and RPM builds, or a Greenwave
     * request's subject list): the decisions of the subjects some policy applies to all have to be satisfied; the
     * status is the worst of theirs (failed, then waiting, then passed); requirements and policies are theirs in
     * order. When no policy applies to any subject, the first subject's decision (ignored) stands.
     */
    public static Decision combine(List<Decision> decisions) {
        if (decisions.isEmpty()) {
            throw new IllegalArgumentException("no decisions to combine");
        }
        List<Decision> applying = decisions.stream().filter(d -> !d.applicablePolicies().isEmpty()).toList();
        if (applying.isEmpty()) {
            return decisions.get(0);
        }
        if (applying.size() == 1) {
            return applying.get(0);
        }
        List<String> order = List.of(FAILED, WAITING, PASSED, IGNORED);
        String status = applying.stream().map(Decision::status).min(java.util.Comparator.comparingInt(order::indexOf))
                .orElse(IGNORED);
        java.util.LinkedHashSet<String> summaries = new java.util.LinkedHashSet<>();
        java.util.LinkedHashSet<String> policies = new java.util.LinkedHashSet<>();
        // the same policy may apply to several subjects that share results (an update in two streams): one requirement
        java.util.LinkedHashSet<Requirement> ok = new java.util.LinkedHashSet<>();
        java.util.LinkedHashSet<Requirement> notOk = new java.util.LinkedHashSet<>();
        for (Decision d : applying) {
            summaries.add(d.summary());
            policies.addAll(d.applicablePolicies());
            ok.addAll(d.satisfied());
            notOk.addAll(d.unsatisfied());
        }
        return new Decision(applying.stream().allMatch(Decision::policiesSatisfied), String.join("; ", summaries),
                List.copyOf(ok), List.copyOf(notOk), List.copyOf(policies), status);
    }
}
