package org.paddock.policy;

import java.time.Instant;

/**
 * The latest result of {@code testCase} (in {@code scenario} when one is named) must pass: Greenwave's
 * {@code !PassingTestCaseRule}. The rule applies only while {@code now} lies in
 * [{@code validSince}, {@code validUntil}); either end may be open ({@code null}).
 *
 * @param testCase   the test case name, e.g. {@code dist.rpmdeplint}
 * @param scenario   the required scenario, or {@code null}: then the latest result of the test case counts,
 *                   whatever its scenario
 * @param validSince first instant the rule applies, or {@code null}
 * @param validUntil first instant the rule no longer applies, or {@code null}
 */
public record PassingTestCase(String testCase, String scenario, Instant validSince, Instant validUntil) implements Rule {

    public PassingTestCase {
        if (testCase == null || testCase.isBlank()) {
            throw new IllegalArgumentException("passing test case rule: test_case_name must not be empty");
        }
        if (scenario != null && scenario.isBlank()) {
            throw new IllegalArgumentException("passing test case rule for " + testCase
                    + ": scenario must not be blank (leave it out to accept any scenario)");
        }
        if (validSince != null && validUntil != null && !validSince.isBefore(validUntil)) {
            throw new IllegalArgumentException("passing test case rule for " + testCase + ": valid_since "
                    + validSince + " must be before valid_until " + validUntil);
        }
    }

    public PassingTestCase(String testCase) {
        this(testCase, null, null, null);
    }

    public PassingTestCase(String testCase, String scenario) {
        this(testCase, scenario, null, null);
    }

    /** Whether the rule applies at {@code now}. */
    public boolean validAt(Instant now) {
        return (validSince == null || !now.isBefore(validSince)) && (validUntil == null || now.isBefore(validUntil));
    }
}
