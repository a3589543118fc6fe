package org.paddock.policy;

import java.time.Instant;
import java.util.List;

/** An update's stored decision at one of Paddock's gates, as pages, the API and the pusher read it. */
public record StoredDecision(DecisionContext context, String status, boolean satisfied, String summary,
                             String policyVersions, Instant changedAt, Instant checkedAt, List<String> unsatisfied) {

    /** Whether an update may pass this gate: satisfied, or no policy applies (nothing is required). */
    public boolean open() {
        return satisfied || Decision.IGNORED.equals(status);
    }

    /** What stands in the way, in a line: the unsatisfied requirements, else the summary. */
    public String why() {
        return unsatisfied.isEmpty() ? summary : String.join("; ", unsatisfied);
    }
}
