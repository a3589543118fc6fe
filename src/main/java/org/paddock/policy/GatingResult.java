package org.paddock.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A test result as the policy engine reads it (ResultsDB-shaped): a plain value made from a stored
 * {@link org.paddock.testresult.TestResult}, so the engine needs no database.
 *
 * @param outcome PASSED, INFO, FAILED, NEEDS_INSPECTION, QUEUED, RUNNING, ERROR, ...
 * @param scenario the scenario, or {@code null}
 */
public record GatingResult(long id, String testcase, String outcome, String scenario, String arch, String refUrl,
                         Instant submittedAt, Map<String, List<String>> data) {

    public GatingResult {
        if (testcase == null || testcase.isBlank()) {
            throw new IllegalArgumentException("test result " + id + ": testcase must not be empty");
        }
        if (outcome == null || outcome.isBlank()) {
            throw new IllegalArgumentException("test result " + id + ": outcome must not be empty");
        }
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public GatingResult(long id, String testcase, String outcome, String scenario, Instant submittedAt) {
        this(id, testcase, outcome, scenario, null, null, submittedAt, Map.of());
    }
}
