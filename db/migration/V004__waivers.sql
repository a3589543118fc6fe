-- Waivers, WaiverDB-style: excuse (or, with waived = false, stop excusing) one testcase for one subject.
-- Never deleted or changed: a newer waiver for the same subject and testcase replaces an older one.

create table waiver (
    id              bigint generated always as identity primary key,
    subject_type    varchar(32)   not null,
    subject_id      varchar(500)  not null,
    testcase        varchar(255)  not null,
    scenario        varchar(255),
    product_version varchar(40)   not null,
    waived          boolean       not null,
    comment         varchar(2000) not null,
    user_id         bigint        not null references paddock_user (id),
    created_at      timestamptz   not null,
    constraint waiver_subject_type_known check (subject_type in ('paddock_update', 'module_build', 'rpm_build')),
    constraint waiver_comment_given check (length(btrim(comment)) > 0)
);
create index waiver_by_subject on waiver (subject_type, subject_id, testcase, created_at desc, id desc);
