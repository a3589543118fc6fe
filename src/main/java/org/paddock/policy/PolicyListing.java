package org.paddock.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the Policies page lists, read in one transaction and handed over as records (the page never loads lazily). */
@ApplicationScoped
public class PolicyListing {

    @Inject
    PolicyService policies;

    /** A policy in the list: id, current version and its last save. */
    public record Listed(String id, int version, boolean retired, String author, Instant saved, String reason,
                         String yaml, int versions) {
    }

    /** One saved version, for the history view. */
    public record Version(int version, String author, Instant saved, String reason, String yaml) {
    }

    @Transactional
    public List<Listed> all() {
        return policies.stored().stream().map(p -> {
            PolicyVersion v = p.current();
            return new Listed(p.getId(), p.getCurrentVersion(), p.isRetired(), v.getAuthor().getUsername(),
                    v.getCreatedAt(), v.getReason(), v.getYaml(), p.getVersions().size());
        }).toList();
    }

    /** Every version of one policy, newest first; none for a policy that does not exist. */
    @Transactional
    public List<Version> history(String id) {
        return policies.stored().stream().filter(p -> p.getId().equals(id)).findFirst()
                .map(p -> {
                    List<Version> all = new ArrayList<>(p.getVersions().stream().map(v -> new Version(v.getVersion(),
                            v.getAuthor().getUsername(), v.getCreatedAt(), v.getReason(), v.getYaml())).toList());
                    Collections.reverse(all);
                    return all;
                })
                .orElse(List.of());
    }
}
