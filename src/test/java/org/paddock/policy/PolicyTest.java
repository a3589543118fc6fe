package org.paddock.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyTest {

    static final List<Rule> RULES = List.of(new PassingTestCase("ci.tier0"));

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of((Supplier<Object>) () -> new Policy(" ", List.of("F45"), List.of("push_stable"), "module_build", List.of(), List.of(), RULES),
                        "policy: id must not be empty"),
                Arguments.of((Supplier<Object>) () -> new Policy("x", List.of(), List.of("push_stable"), "module_build", List.of(), List.of(), RULES),
                        "policy 'x': product_versions must not be empty"),
                Arguments.of((Supplier<Object>) () -> new Policy("x", null, List.of("push_stable"), "module_build", List.of(), List.of(), RULES),
                        "policy 'x': product_versions must not be empty"),
                Arguments.of((Supplier<Object>) () -> new Policy("x", List.of("fedora-["), List.of("push_stable"), "module_build", List.of(), List.of(), RULES),
                        "policy 'x': product_versions glob 'fedora-[' has an unclosed '[' at position 8 (write [[] for a literal '[')"),
                Arguments.of((Supplier<Object>) () -> new Policy("x", List.of("F45"), List.of(), "module_build", List.of(), List.of(), RULES),
                        "policy 'x': decision_contexts must not be empty"),
                Arguments.of((Supplier<Object>) () -> new Policy("x", List.of("F45"), List.of(""), "module_build", List.of(), List.of(), RULES),
                        "policy 'x': decision_contexts must not contain an empty name"),
                Arguments.of((Supplier<Object>) () -> new Policy("x", List.of("F45"), List.of("push_stable"), null, List.of(), List.of(), RULES),
                        "policy 'x': subject_type must not be empty"),
                Arguments.of((Supplier<Object>) () -> new Policy("x", List.of("F45"), List.of("push_stable"), "module_build", List.of("nginx 1"), List.of(), RULES),
                        "policy 'x': packages glob 'nginx 1' contains whitespace or a control character at position 6"),
                Arguments.of((Supplier<Object>) () -> new Policy("x", List.of("F45"), List.of("push_stable"), "module_build", List.of(), List.of(""), RULES),
                        "policy 'x': excluded_packages glob '' is empty"),
                Arguments.of((Supplier<Object>) () -> new Policy("x", List.of("F45"), List.of("push_stable"), "module_build", List.of(), List.of(), null),
                        "policy 'x': rules must be given (use an empty list for no rules)"),
                Arguments.of((Supplier<Object>) () -> new Policy("x", List.of("F45"), List.of("push_stable"), "module_build", List.of(), List.of(), Arrays.asList((Rule) null)),
                        "policy 'x': rule 1 is null"),
                Arguments.of((Supplier<Object>) () -> new PassingTestCase(""),
                        "passing test case rule: test_case_name must not be empty"),
                Arguments.of((Supplier<Object>) () -> new PassingTestCase("t", " "),
                        "passing test case rule for t: scenario must not be blank (leave it out to accept any scenario)"),
                Arguments.of((Supplier<Object>) () -> new PassingTestCase("t", null, Instant.parse("2021-10-02T00:00:00Z"), Instant.parse("2021-10-01T00:00:00Z")),
                        "passing test case rule for t: valid_since 2021-10-02T00:00:00Z must be before valid_until 2021-10-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void refusesWithAPreciseMessage(Supplier<Object> make, String message) {
        assertThatIllegalArgumentException().isThrownBy(make::get).withMessage(message);
    }

    @Test
    void nullListsOfGlobsMeanNone() {
        Policy p = new Policy("x", List.of("F45"), List.of("push_stable"), "module_build", null, null, List.of());
        assertThat(p.packages()).isEmpty();
        assertThat(p.excludedPackages()).isEmpty();
    }
}
