package org.paddock.testresult;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.paddock.platform.security.User;

import java.time.Instant;
import java.util.Objects;

/** One result a CI system reported: testcase, outcome, subject, scenario, arch, links and free data. Never changed. */
@Entity
@Table(name = "test_result")
public class TestResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 255)
    private String testcase;

    @Column(name = "testcase_ref_url", length = 2000)
    private String testcaseRefUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Outcome outcome;

    @Column(name = "subject_type", nullable = false, length = 32)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, length = 500)
    private String subjectId;

    @Column(length = 255)
    private String scenario;

    @Column(length = 64)
    private String arch;

    @Column(name = "ref_url", length = 2000)
    private String refUrl;

    @Column
    private String note;

    /** The data as ResultsDB keeps it: a JSON object of string lists (item and type included). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private String data;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "submitter_id")
    private User submitter;

    protected TestResult() {
    }

    public TestResult(String testcase, String testcaseRefUrl, Outcome outcome, SubjectType subjectType, String subjectId,
                      String scenario, String arch, String refUrl, String note, String dataJson, Instant submittedAt,
                      User submitter) {
        this.testcase = Objects.requireNonNull(testcase);
        this.testcaseRefUrl = testcaseRefUrl;
        this.outcome = Objects.requireNonNull(outcome);
        this.subjectType = subjectType.word();
        this.subjectId = Objects.requireNonNull(subjectId);
        this.scenario = scenario;
        this.arch = arch;
        this.refUrl = refUrl;
        this.note = note;
        this.data = Objects.requireNonNull(dataJson);
        this.submittedAt = Objects.requireNonNull(submittedAt);
        this.submitter = submitter;
    }

    public Long getId() { return id; }
    public String getTestcase() { return testcase; }
    public String getTestcaseRefUrl() { return testcaseRefUrl; }
    public Outcome getOutcome() { return outcome; }
    public String getSubjectType() { return subjectType; }
    public String getSubjectId() { return subjectId; }
    public String getScenario() { return scenario; }
    public String getArch() { return arch; }
    public String getRefUrl() { return refUrl; }
    public String getNote() { return note; }
    public String getData() { return data; }
    public Instant getSubmittedAt() { return submittedAt; }
}
