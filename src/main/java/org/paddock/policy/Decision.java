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
}
