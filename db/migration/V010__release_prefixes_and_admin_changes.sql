-- A distribution's own advisory ids: a release's alias prefix may hold dashes (FEDORA-EPEL-2026-…) and be longer.
alter table release drop constraint release_alias_prefix_format;
alter table release alter column alias_prefix type varchar(32);
alter table release add constraint release_alias_prefix_format check (alias_prefix ~ '^[A-Z][A-Z0-9-]*$');

-- Every change an admin makes to releases, module streams, groups and people: who, when, what, from what to what.
create table admin_change (
    id          bigint generated always as identity primary key,
    at          timestamptz   not null,
    by_user_id  bigint        references paddock_user (id),
    -- release, module_stream, group, user
    kind        varchar(20)   not null,
    -- the release's or group's name, the stream as release/name:stream, the user's name
    subject     varchar(300)  not null,
    field       varchar(64)   not null,
    from_value  varchar(4000),
    to_value    varchar(4000),
    constraint admin_change_kind_known check (kind in ('release', 'module_stream', 'group', 'user'))
);
create index admin_change_by_subject on admin_change (kind, subject, at desc);
