package org.paddock.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paddock.testresult.Results;
import org.paddock.testresult.SubjectType;
import org.paddock.update.ModuleUpdate;
import org.paddock.update.UpdateRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Gating decisions over what Paddock stores: the subject's results and waivers, the current policies, the
 * update's karma and module stream. The one place that feeds {@link PolicyEngine}; the decision API and the
 * update page both ask here.
 */
@ApplicationScoped
public class Gating {

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    PolicyService policies;

    @Inject
    UpdateRepository updates;

    @Inject
    @ConfigProperty(name = "paddock.gating.missing-timeout", defaultValue = "PT24H")
    Duration missingTimeout;

    /** A decision with the results and waivers it was made from. */
    public record Answer(Decision decision, List<GatingResult> results, List<Waiver> waivers) {
    }

    /** What the update page's gating parts need of an update. */
    public record UpdateFacts(String alias, String release, DecisionContext nextGate) {
    }

    @Transactional
    public java.util.Optional<UpdateFacts> updateFacts(String alias) {
        return updates.findByAlias(alias).map(u -> new UpdateFacts(u.getAlias(), u.getRelease().getName(),
                DecisionContext.nextGate(u)));
    }

    /**
     * What a decision about {@code type}/{@code item} is about. An update is one {@code paddock_update} subject per
     * module stream of its builds, so every stream's policies apply to it ({@link #subjects(ModuleUpdate)}); a build
     * is one subject.
     */
    @Transactional
    public List<Subject> subjects(SubjectType type, String item) {
        return switch (type) {
            case PADDOCK_UPDATE -> updates.findByAlias(item).map(Gating::subjects)
                    .orElse(List.of(new Subject(type.word(), item, null, null)));
            case MODULE_BUILD -> {
                String[] p = item.split(":");
                yield List.of(new Subject(type.word(), item, p[0] + ":" + p[1]));
            }
            case RPM_BUILD -> List.of(new Subject(type.word(), item, item.replaceAll("-[^-]+-[^-]+$", "")));
        };
    }

    /**
     * The update as {@code paddock_update} subjects, one per module stream of its builds ({@code name:stream}, what
     * policies' {@code packages} globs match): every stream's policies apply to it, and {@link Decision#combine}
     * wants each satisfied. Which stream's cadence it follows is {@link ModuleUpdate#getCadenceStream()}.
     */
    static List<Subject> subjects(ModuleUpdate u) {
        return u.getModuleStreams().stream().map(s -> s.getName() + ":" + s.getStream()).distinct().sorted()
                .map(stream -> new Subject(SubjectType.PADDOCK_UPDATE.word(), u.getAlias(), stream, u.getTestingAt()))
                .toList();
    }

    /** What a decision about {@code subject} as of {@code at} reads, loaded once for any number of decisions. */
    public record Inputs(Subject subject, List<GatingResult> results, List<Waiver> waivers, int karma, Instant at) {
    }

    @Transactional
    public Inputs inputs(Subject subject, Instant at) {
        return new Inputs(subject, results(subject, at), waivers(subject, at), karma(subject), at);
    }

    /**
     * What an update's decision reads: the update itself ({@code paddock_update}) and, when some policy in
     * {@code under} is about them, its module builds ({@code module_build}, by NSVCA) and the RPM builds inside them
     * ({@code rpm_build}, by source NVR), as CI systems that test builds post results and waivers about those.
     */
    @Transactional
    public List<Inputs> updateInputs(ModuleUpdate update, List<Policy> under, Instant at) {
        java.util.Set<String> types = new java.util.HashSet<>();
        under.forEach(p -> types.add(p.subjectType()));
        List<Inputs> all = new java.util.ArrayList<>();
        // the update in hand: no need to look it up again, for itself or its karma; its results and waivers are the
        // same whichever stream's policies are asked
        List<Subject> selves = subjects(update);
        List<GatingResult> results = results(selves.get(0), at);
        List<Waiver> waivers = waivers(selves.get(0), at);
        selves.forEach(self -> all.add(new Inputs(self, results, waivers, update.getKarma(), at)));
        java.util.Set<String> rpmBuilds = new java.util.TreeSet<>();
        for (var b : update.getBuilds()) {
            if (types.contains(SubjectType.MODULE_BUILD.word())) {
                all.add(inputs(subjects(SubjectType.MODULE_BUILD, b.getNsvca()).get(0), at));
            }
            if (types.contains(SubjectType.RPM_BUILD.word())) {
                b.getArtifacts().stream().filter(a -> "rpm".equals(a.getKind())).map(Gating::sourceNvr)
                        .forEach(rpmBuilds::add);
            }
        }
        rpmBuilds.forEach(nvr -> all.add(inputs(subjects(SubjectType.RPM_BUILD, nvr).get(0), at)));
        return all;
    }

    /** {@link #updateInputs(ModuleUpdate, List, Instant)} for the update {@code alias} (none when there is no such update). */
    @Transactional
    public List<Inputs> updateInputs(String alias, List<Policy> under, Instant at) {
        return updates.findByAlias(alias).map(u -> updateInputs(u, under, at))
                .orElseGet(() -> List.of(inputs(new Subject(SubjectType.PADDOCK_UPDATE.word(), alias, null, null), at)));
    }

    /** The build (source package) NVR an RPM comes from: its source RPM's name, else its own name-version-release. */
    static String sourceNvr(org.paddock.release.Artifact a) {
        String src = a.getSourceRpm();
        if (src != null && src.endsWith(".src.rpm")) {
            return src.substring(0, src.length() - ".src.rpm".length());
        }
        return a.getName() + "-" + a.getVersion() + "-" + a.getRelease();
    }

    /** An update's decision at one of Paddock's gates: its subjects' decisions {@link Decision#combine combined}. */
    public Answer decide(List<Inputs> ins, DecisionContext context, String productVersion, List<Policy> under) {
        return decide(ins, context.word(), productVersion, under);
    }

    /** An update's decision at one gate: its subjects' decisions {@link Decision#combine combined}. */
    public Answer decide(List<Inputs> ins, String context, String productVersion, List<Policy> under) {
        List<Decision> decisions = new java.util.ArrayList<>();
        List<GatingResult> results = new java.util.ArrayList<>();
        List<Waiver> waivers = new java.util.ArrayList<>();
        for (Inputs in : ins) {
            Answer a = decide(in, context, productVersion, under);
            decisions.add(a.decision());
            results.addAll(a.results());
            waivers.addAll(a.waivers());
        }
        return new Answer(Decision.combine(decisions), results, waivers);
    }

    /** The current policies, ready to decide under. */
    public List<Policy> currentPolicies() {
        return ready(policies.current());
    }

    /** Policies as the engine needs them: Greenwave's koji_build subject type read as Paddock's rpm_build. */
    public static List<Policy> ready(List<Policy> policies) {
        return policies.stream().map(Gating::canonicalSubjectType).toList();
    }

    @Transactional
    public Answer decide(Subject subject, String context, String productVersion, Instant at) {
        return decide(inputs(subject, at), context, productVersion, currentPolicies());
    }

    /** A decision from loaded inputs under {@code under} (from {@link #ready}); reads nothing. */
    public Answer decide(Inputs in, String context, String productVersion, List<Policy> under) {
        Decision d = PolicyEngine.decide(in.subject(), context, productVersion, in.results(), in.waivers(), under,
                in.karma(), in.at(), missingTimeout, false);
        return new Answer(d, in.results(), in.waivers());
    }

    /** Greenwave's koji_build (and brew-build) policies are about what Paddock calls rpm_build. */
    private static Policy canonicalSubjectType(Policy p) {
        String type;
        try {
            type = SubjectType.parse(p.subjectType()).word();
        } catch (IllegalArgumentException e) {
            return p; // a subject type Paddock has no results for (compose, container-image...): never applies
        }
        return type.equals(p.subjectType()) ? p : new Policy(p.id(), p.productVersions(), p.decisionContexts(), type,
                p.packages(), p.excludedPackages(), p.rules());
    }

    private int karma(Subject subject) {
        return SubjectType.PADDOCK_UPDATE.word().equals(subject.type())
                ? updates.findByAlias(subject.identifier()).map(ModuleUpdate::getKarma).orElse(0) : 0;
    }

    private List<GatingResult> results(Subject subject, Instant at) {
        return em.createQuery("""
                        select r from TestResult r where r.subjectType = :type and r.subjectId = :id
                        and r.submittedAt <= :at order by r.submittedAt, r.id""",
                        org.paddock.testresult.TestResult.class)
                .setParameter("type", subject.type()).setParameter("id", subject.identifier()).setParameter("at", at)
                .getResultList().stream()
                .map(r -> new GatingResult(r.getId(), r.getTestcase(), r.getOutcome().name(), r.getScenario(), r.getArch(),
                        r.getRefUrl(), r.getSubmittedAt(), Results.data(r)))
                .toList();
    }

    private List<Waiver> waivers(Subject subject, Instant at) {
        return em.createQuery("""
                        select w from StoredWaiver w where w.subjectType = :type and w.subjectId = :id
                        and w.createdAt <= :at order by w.createdAt, w.id""", StoredWaiver.class)
                .setParameter("type", subject.type()).setParameter("id", subject.identifier()).setParameter("at", at)
                .getResultList().stream()
                .map(w -> new Waiver(w.getId(), w.getSubjectType(), w.getSubjectId(), w.getTestcase(), w.getScenario(),
                        w.isWaived(), w.getComment(), w.getUser().getUsername(), w.getCreatedAt()))
                .toList();
    }
}
