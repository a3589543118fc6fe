-- Test results posted by CI systems, ResultsDB-style: a testcase, an outcome, a subject (item + type)
-- and free data; never changed once stored.

create table test_result (
    id               bigint generated always as identity primary key,
    testcase         varchar(255)  not null,
    testcase_ref_url varchar(2000),
    outcome          varchar(20)   not null,
    subject_type     varchar(32)   not null,
    subject_id       varchar(500)  not null,
    scenario         varchar(255),
    arch             varchar(64),
    ref_url          varchar(2000),
    note             text,
    data             jsonb         not null default '{}',
    submitted_at     timestamptz   not null,
    submitter_id     bigint references paddock_user (id),
    constraint test_result_outcome_known check (outcome in
        ('PASSED', 'INFO', 'FAILED', 'NEEDS_INSPECTION', 'QUEUED', 'RUNNING', 'ERROR')),
    constraint test_result_subject_type_known check (subject_type in ('paddock_update', 'module_build', 'rpm_build')),
    constraint test_result_testcase_format check (testcase ~ '^[A-Za-z0-9][A-Za-z0-9._:/+-]*$')
);
create index test_result_by_subject on test_result (subject_type, subject_id, testcase, submitted_at desc, id desc);
create index test_result_by_testcase on test_result (testcase, submitted_at desc);
create index test_result_by_time on test_result (submitted_at desc, id desc);
create index test_result_data on test_result using gin (data jsonb_path_ops);
