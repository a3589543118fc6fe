-- Gating policies, versioned: every save is a new version (Greenwave YAML of one policy) with who, when and
-- why; old versions stay readable. A retired policy keeps its versions and no longer applies.

create table policy (
    id              varchar(100) primary key,
    current_version integer      not null,
    retired         boolean      not null default false,
    created_at      timestamptz  not null,
    constraint policy_id_format check (id ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$')
);

create table policy_version (
    policy_id  varchar(100)  not null references policy (id),
    version    integer       not null,
    yaml       text          not null,
    author_id  bigint        not null references paddock_user (id),
    created_at timestamptz   not null,
    reason     varchar(1000) not null,
    primary key (policy_id, version),
    constraint policy_version_positive check (version > 0),
    constraint policy_version_reason_given check (length(btrim(reason)) > 0)
);
