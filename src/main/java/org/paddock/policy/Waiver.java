package org.paddock.policy;

import java.time.Instant;

/**
 * A WaiverDB-shaped waiver. The newest waiver for a subject and test case (and scenario, when the waiver
 * names one) wins; one with {@code waived = false} revokes the earlier ones.
 *
 * @param scenario the scenario waived, or {@code null} for every scenario
 */
public record Waiver(long id, String subjectType, String subjectIdentifier, String testcase, String scenario,
                     boolean waived, String comment, String username, Instant timestamp) {

    public Waiver {
        if (testcase == null || testcase.isBlank()) {
            throw new IllegalArgumentException("waiver " + id + ": testcase must not be empty");
        }
        if (subjectType == null || subjectIdentifier == null) {
            throw new IllegalArgumentException("waiver " + id + ": subject type and identifier must be given");
        }
    }

    boolean covers(Requirement requirement) {
        return subjectType.equals(requirement.subjectType())
                && subjectIdentifier.equals(requirement.subjectIdentifier())
                && testcase.equals(requirement.testcase())
                && (scenario == null || scenario.equals(requirement.scenario()));
    }
}
