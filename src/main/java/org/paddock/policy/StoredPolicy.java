package org.paddock.policy;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.paddock.platform.security.User;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A policy by its id, with every version ever saved; the current one is what decisions use. */
@Entity(name = "StoredPolicy")
@Table(name = "policy")
public class StoredPolicy {

    @Id
    @Column(length = 100)
    private String id;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(nullable = false)
    private boolean retired;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "policy", cascade = CascadeType.PERSIST)
    @OrderBy("version")
    private List<PolicyVersion> versions = new ArrayList<>();

    protected StoredPolicy() {
    }

    public StoredPolicy(String id, String yaml, User author, String reason, Instant now) {
        this.id = id;
        this.createdAt = now;
        save(yaml, author, reason, now);
    }

    /** A new version; the old ones stay. */
    public PolicyVersion save(String yaml, User author, String reason, Instant now) {
        PolicyVersion v = new PolicyVersion(this, versions.size() + 1, yaml, author, reason, now);
        versions.add(v);
        currentVersion = v.getVersion();
        retired = false;
        return v;
    }

    public void retire() {
        retired = true;
    }

    public PolicyVersion current() {
        return versions.get(currentVersion - 1);
    }

    public String getId() { return id; }
    public int getCurrentVersion() { return currentVersion; }
    public boolean isRetired() { return retired; }
    public Instant getCreatedAt() { return createdAt; }
    public List<PolicyVersion> getVersions() { return Collections.unmodifiableList(versions); }
}
