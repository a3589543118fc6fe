package org.paddock.policy;

import java.util.List;

/**
 * Which tests (and karma) a subject needs to pass a gate, in Greenwave's shape.
 *
 * <p>A policy applies to a decision when the product version matches one of {@code productVersions}
 * (globs, see {@link Glob}), the decision context is one of {@code decisionContexts}, the subject type is
 * {@code subjectType}, the subject's package (an RPM name, or a module stream as {@code name:stream}) matches
 * one of {@code packages} (an empty list means every package) and matches none of {@code excludedPackages}
 * (exclusion wins).
 *
 * @param id               unique name, e.g. {@code fedora-stable-tier0}
 * @param productVersions  globs of product versions (releases), e.g. {@code fedora-*}, {@code F45}; not empty
 * @param decisionContexts gating points, e.g. {@code bodhi_update_push_stable}; not empty
 * @param subjectType      e.g. {@code koji_build}, {@code module_build}
 * @param packages         globs of package or module stream names the policy is limited to; empty = all
 * @param excludedPackages globs of package or module stream names the policy never applies to
 * @param rules            what is required; may be empty ("no tests are required")
 */
public record Policy(String id, List<String> productVersions, List<String> decisionContexts, String subjectType,
                     List<String> packages, List<String> excludedPackages, List<Rule> rules) {

    public Policy {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("policy: id must not be empty");
        }
        String where = "policy '" + id + "': ";
        productVersions = globs(where, "product_versions", productVersions, true);
        decisionContexts = names(where, "decision_contexts", decisionContexts);
        if (subjectType == null || subjectType.isBlank()) {
            throw new IllegalArgumentException(where + "subject_type must not be empty");
        }
        packages = globs(where, "packages", packages, false);
        excludedPackages = globs(where, "excluded_packages", excludedPackages, false);
        if (rules == null) {
            throw new IllegalArgumentException(where + "rules must be given (use an empty list for no rules)");
        }
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) == null) {
                throw new IllegalArgumentException(where + "rule " + (i + 1) + " is null");
            }
        }
        rules = List.copyOf(rules);
    }

    /** Whether this policy applies to a decision for {@code subject} at {@code decisionContext} in {@code productVersion}. */
    public boolean appliesTo(Subject subject, String decisionContext, String productVersion) {
        if (!subjectType.equals(subject.type()) || !decisionContexts.contains(decisionContext)) {
            return false;
        }
        if (productVersions.stream().noneMatch(glob -> Glob.matches(glob, productVersion))) {
            return false;
        }
        String name = subject.packageName();
        if (name != null && excludedPackages.stream().anyMatch(glob -> Glob.matches(glob, name))) {
            return false;
        }
        return packages.isEmpty() || (name != null && packages.stream().anyMatch(glob -> Glob.matches(glob, name)));
    }

    private static List<String> globs(String where, String field, List<String> globs, boolean required) {
        if (globs == null) {
            if (required) {
                throw new IllegalArgumentException(where + field + " must not be empty");
            }
            return List.of();
        }
        if (required && globs.isEmpty()) {
            throw new IllegalArgumentException(where + field + " must not be empty");
        }
        for (String glob : globs) {
            Glob.problem(glob).ifPresent(problem -> {
                throw new IllegalArgumentException(where + field + " glob '" + (glob == null ? "" : glob) + "' " + problem);
            });
        }
        return List.copyOf(globs);
    }

    private static List<String> names(String where, String field, List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException(where + field + " must not be empty");
        }
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(where + field + " must not contain an empty name");
            }
        }
        return List.copyOf(names);
    }
}
