package org.paddock.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.paddock.platform.security.User;
import org.paddock.testresult.SubjectType;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored waiver: who excused which testcase (and scenario, or all of them) for which subject, and why.
 * Never changed or deleted; a newer one for the same subject and testcase replaces it (waived=false revokes).
 */
@Entity
@Table(name = "waiver")
public class StoredWaiver {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subject_type", nullable = false, length = 32)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, length = 500)
    private String subjectId;

    @Column(nullable = false, length = 255)
    private String testcase;

    @Column(length = 255)
    private String scenario;

    @Column(name = "product_version", nullable = false, length = 40)
    private String productVersion;

    @Column(nullable = false)
    private boolean waived;

    @Column(nullable = false, length = 2000)
    private String comment;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StoredWaiver() {
    }

    public StoredWaiver(SubjectType subjectType, String subjectId, String testcase, String scenario,
                        String productVersion, boolean waived, String comment, User user, Instant createdAt) {
        this.subjectType = subjectType.word();
        this.subjectId = Objects.requireNonNull(subjectId);
        this.testcase = Objects.requireNonNull(testcase);
        this.scenario = scenario;
        this.productVersion = Objects.requireNonNull(productVersion);
        this.waived = waived;
        this.comment = Objects.requireNonNull(comment);
        this.user = Objects.requireNonNull(user);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Long getId() { return id; }
    public String getSubjectType() { return subjectType; }
    public String getSubjectId() { return subjectId; }
    public String getTestcase() { return testcase; }
    public String getScenario() { return scenario; }
    public String getProductVersion() { return productVersion; }
    public boolean isWaived() { return waived; }
    public String getComment() { return comment; }
    public User getUser() { return user; }
    public Instant getCreatedAt() { return createdAt; }
}
