package org.paddock.policy;

import org.paddock.platform.security.Permissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.paddock.platform.FieldError;
import org.paddock.platform.ForbiddenException;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.security.User;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored policies: import Greenwave YAML (each changed policy becomes a new version, with who and why),
 * read the current ones for decisions, export them as Greenwave YAML.
 */
@ApplicationScoped
public class PolicyService {

    @Inject
    DecisionRecomputes recomputes;

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    Clock clock;

    public record Saved(String id, int version, boolean changed) {
    }

    /** What a save did: each policy's version, and the recompute of every active update's decision it started (none when nothing changed). */
    public record Saving(List<Saved> policies, DecisionRecomputes.Progress recompute) {
    }

    /** Parsed policy versions: a version never changes once saved, so each is parsed once, on whichever instance. */
    private final java.util.Map<String, List<Policy>> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    /** Saves every policy in {@code yaml}: new ones at version 1, changed ones as a new version, same ones untouched. */
    @Transactional
    public Saving importYaml(String yaml, String reason, User by) {
        Permissions.requireEditPolicies(by);
        List<FieldError> errors = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "is required: say why the policies change"));
        }
        List<Policy> policies = List.of();
        try {
            policies = GreenwavePolicies.parse(yaml == null ? "" : yaml);
            if (policies.isEmpty()) {
                errors.add(new FieldError("yaml", "holds no --- !Policy document"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("yaml", e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        User author = em.merge(by);
        List<Saved> saved = new ArrayList<>();
        for (Policy p : policies) {
            String text = GreenwavePolicies.write(List.of(p));
            StoredPolicy stored = em.find(StoredPolicy.class, p.id());
            if (stored == null) {
                stored = new StoredPolicy(p.id(), text, author, reason.strip(), clock.instant());
                em.persist(stored);
                saved.add(new Saved(p.id(), 1, true));
            } else if (stored.isRetired() || !GreenwavePolicies.parse(stored.current().getYaml()).equals(List.of(p))) {
                // compared as policies, not as text: a version written by an older YAML writer is still the same policy
                saved.add(new Saved(p.id(), stored.save(text, author, reason.strip(), clock.instant()).getVersion(), true));
            } else {
                saved.add(new Saved(p.id(), stored.getCurrentVersion(), false));
            }
        }
        DecisionRecomputes.Progress recompute = null;
        if (saved.stream().anyMatch(Saved::changed)) {
            em.flush();
            recompute = recomputes.request("policy changed: " + String.join(", ",
                    saved.stream().filter(Saved::changed).map(s -> s.id() + "@" + s.version()).toList()), by.getUsername());
        }
        return new Saving(saved, recompute);
    }

    /**
     * Retires a policy: it stops applying. Recorded as a last version (same rules) saying who retired it and why;
     * importing it again brings it back as a new version.
     */
    @Transactional
    public Saved retire(String id, String reason, User by) {
        Permissions.requireEditPolicies(by);
        StoredPolicy stored = em.find(StoredPolicy.class, id);
        if (stored == null) {
            throw new org.paddock.platform.NotFoundException("there is no policy '" + id + "'");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the policy is retired");
        }
        if (stored.isRetired()) {
            throw new org.paddock.platform.ConflictException("policy '" + id + "' is already retired");
        }
        PolicyVersion v = stored.save(stored.current().getYaml(), em.merge(by), "retired: " + reason.strip(), clock.instant());
        stored.retire();
        em.flush();
        recomputes.request("policy retired: " + id, by.getUsername());
        return new Saved(id, v.getVersion(), true);
    }

    public List<StoredPolicy> stored() {
        return em.createQuery("select p from StoredPolicy p order by p.id", StoredPolicy.class).getResultList();
    }

    /** The policies decisions use now: the current version of every policy that is not retired. */
    @Transactional
    public List<Policy> current() {
        return stored().stream().filter(p -> !p.isRetired())
                .flatMap(p -> parsed.computeIfAbsent(p.getId() + "@" + p.getCurrentVersion() + "#" + p.current().getYaml().hashCode(),
                        k -> GreenwavePolicies.parse(p.current().getYaml())).stream()).toList();
    }

    /** The current version of every policy that is not retired, by id. */
    @Transactional
    public java.util.Map<String, Integer> currentVersions() {
        java.util.Map<String, Integer> versions = new java.util.HashMap<>();
        stored().stream().filter(p -> !p.isRetired()).forEach(p -> versions.put(p.getId(), p.getCurrentVersion()));
        return versions;
    }

    @Transactional
    public String exportYaml() {
        return GreenwavePolicies.write(current());
    }
}
