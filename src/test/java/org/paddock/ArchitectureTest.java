package org.paddock;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The dependency order of DESIGN.md "Shape of the code", checked on the compiled main classes:
 * <pre>
 *   artifact, platform                       beneath all: they use no feature package (nor each other)
 *   release ← onboarding ← update ← testresult ← policy ← cadence ← push ← rebuild ← feed
 *   demo                                     on top: may use every feature of the WAR
 *   launcher                                 outside the WAR: uses no other org.paddock package
 *   client                                   ships without the server: uses artifact alone
 * </pre>
 * A package may use only the packages listed for it below (its own sub-packages count as itself).
 * policy may use testresult, never the other way: a decision is computed from results, while results
 * are recorded (and posted by CI) without knowing any policy — as ResultsDB knows nothing of Greenwave.
 * onboarding (bulk imports of groups, releases, streams and builds) needs only release beneath it, so it sits
 * right above it.
 * A class in a package that is not listed fails the test: place a new package in the order first.
 */
class ArchitectureTest {

    private static final String ROOT = "org.paddock";

    /** Each package and the packages it may use, bottom to top. */
    static final Map<String, Set<String>> MAY_USE = order();

    private static Map<String, Set<String>> order() {
        Map<String, Set<String>> order = new LinkedHashMap<>();
        order.put("artifact", Set.of());
        order.put("platform", Set.of());
        List<String> features = List.of("release", "onboarding", "update", "testresult", "policy", "cadence", "push", "rebuild",
                "feed");
        Set<String> beneath = Set.of("artifact", "platform");
        for (String feature : features) {
            order.put(feature, beneath);
            beneath = union(beneath, feature);
        }
        order.put("demo", beneath);
        order.put("launcher", Set.of());
        order.put("client", Set.of("artifact"));
        return Map.copyOf(order);
    }

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void every_class_lives_in_a_package_of_the_order() {
        classes().should(new ArchCondition<JavaClass>("live in a package named in ArchitectureTest.MAY_USE") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean known = feature(c.getPackageName()).map(MAY_USE::containsKey).orElse(false);
                if (!known) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " is in no package of the order"));
                }
            }
        }).check(MAIN);
    }

    @Test
    void dependencies_point_down_the_order() {
        classes().should(new ArchCondition<JavaClass>("use only the packages beneath their own") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Optional<String> from = feature(c.getPackageName());
                if (from.isEmpty() || !MAY_USE.containsKey(from.get())) {
                    return; // reported by every_class_lives_in_a_package_of_the_order
                }
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    Optional<String> to = feature(d.getTargetClass().getPackageName());
                    if (to.isEmpty() || to.equals(from) || MAY_USE.get(from.get()).contains(to.get())) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(d, from.get() + " may not use " + to.get()
                            + ": " + d.getDescription()));
                }
            }
        }).check(MAIN);
    }

    /** The feature a package belongs to: {@code org.paddock.platform.events} → {@code platform}. */
    static Optional<String> feature(String packageName) {
        if (!packageName.startsWith(ROOT + ".")) {
            return packageName.equals(ROOT) ? Optional.of("") : Optional.empty();
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static Set<String> union(Set<String> set, String one) {
        var all = new java.util.HashSet<>(set);
        all.add(one);
        return Set.copyOf(all);
    }
}
