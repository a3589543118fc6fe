package org.paddock.policy;

import org.paddock.update.ModuleUpdate;
import org.paddock.update.UpdateStatus;

/**
 * The gates Paddock's own updates pass, as policies name them in {@code decision_contexts}: {@code push_testing}
 * (into testing) and {@code push_stable} (into stable). Greenwave's API still takes any context a policy names;
 * these are the two Paddock decides and stores for every update.
 */
public enum DecisionContext {
    PUSH_TESTING("push_testing"), PUSH_STABLE("push_stable");

    private final String word;

    DecisionContext(String word) {
        this.word = word;
    }

    /** As policies and the API spell it: {@code push_testing}, {@code push_stable}. */
    public String word() {
        return word;
    }

    /**
     * The one rule for which gate an update stands before, and so is judged at — by the Gating badge, the list's
     * Gating column, the API's {@code gating}, the eligibility answer, the policy preview and the pusher: an update
     * whose next move is into testing (pending, unpushed, or in testing with new builds that must reach testing
     * first) at {@code push_testing}; any other at {@code push_stable} (in testing, the gate ahead; stable, obsolete
     * or revoked, the last one it stood before).
     */
    public static DecisionContext nextGate(ModuleUpdate u) {
        boolean toTesting = u.getStatus() == UpdateStatus.PENDING || u.getStatus() == UpdateStatus.UNPUSHED
                || u.hasBuildsWaitingForTesting();
        return toTesting ? PUSH_TESTING : PUSH_STABLE;
    }

    /** The context spelled {@code word}, if it is one of Paddock's gates. */
    public static java.util.Optional<DecisionContext> of(String word) {
        for (DecisionContext c : values()) {
            if (c.word.equals(word)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
