package org.paddock.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.paddock.platform.security.User;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One saved version of a policy: its Greenwave YAML, who saved it, when and why. */
@Entity
@Table(name = "policy_version")
@IdClass(PolicyVersion.Key.class)
public class PolicyVersion {

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "policy_id")
    private StoredPolicy policy;

    @Id
    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private String yaml;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "author_id")
    private User author;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 1000)
    private String reason;

    protected PolicyVersion() {
    }

    PolicyVersion(StoredPolicy policy, int version, String yaml, User author, String reason, Instant createdAt) {
        this.policy = policy;
        this.version = version;
        this.yaml = Objects.requireNonNull(yaml);
        this.author = Objects.requireNonNull(author);
        this.reason = Objects.requireNonNull(reason);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public static class Key implements Serializable {
        private String policy;
        private int version;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(policy, k.policy) && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(policy, version);
        }
    }

    public StoredPolicy getPolicy() { return policy; }
    public int getVersion() { return version; }
    public String getYaml() { return yaml; }
    public User getAuthor() { return author; }
    public Instant getCreatedAt() { return createdAt; }
    public String getReason() { return reason; }
}
