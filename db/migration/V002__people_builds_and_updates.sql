-- People and access, module builds with their artifacts, and module updates with their references,
-- comments (karma) and history.

-- People ------------------------------------------------------------------------------------------

create table paddock_group (
    id          bigint generated always as identity primary key,
    name        varchar(64)  not null,
    description varchar(200) not null default '',
    constraint paddock_group_name_unique unique (name),
    constraint paddock_group_name_format check (name ~ '^[a-z][a-z0-9_-]*$')
);

create table paddock_user (
    id            bigint generated always as identity primary key,
    username      varchar(64)  not null,
    display_name  varchar(200) not null,
    email         varchar(200) not null default '',
    password_hash varchar(400) not null,
    active        boolean      not null default true,
    created_at    timestamptz  not null default now(),
    constraint paddock_user_username_unique unique (username),
    constraint paddock_user_username_format check (username ~ '^[a-z][a-z0-9._-]*$')
);

create table user_role (
    user_id bigint      not null references paddock_user (id),
    role    varchar(20) not null,
    primary key (user_id, role),
    constraint user_role_known check (role in ('maintainer', 'policy_editor', 'admin', 'ci'))
);

create table group_member (
    group_id bigint not null references paddock_group (id),
    user_id  bigint not null references paddock_user (id),
    primary key (group_id, user_id)
);

create table api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint       not null references paddock_user (id),
    name         varchar(100) not null,
    token_hash   varchar(64)     not null,
    token_prefix varchar(16)  not null,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    constraint api_token_hash_unique unique (token_hash)
);
create index api_token_by_user on api_token (user_id);

-- Releases and module streams gain what updates need ----------------------------------------------

alter table release add column alias_prefix varchar(20) not null default 'PADDOCK'
    constraint release_alias_prefix_format check (alias_prefix ~ '^[A-Z][A-Z0-9]*$');

alter table module_stream add column owner_group_id bigint references paddock_group (id);

-- Module builds and what they contain -------------------------------------------------------------

create table module_build (
    id               bigint generated always as identity primary key,
    module_stream_id bigint       not null references module_stream (id),
    name             varchar(100) not null,
    stream           varchar(100) not null,
    version          bigint       not null,
    context          varchar(64)  not null,
    arch             varchar(32)  not null,
    summary          varchar(500) not null default '',
    description      text         not null default '',
    created_at       timestamptz  not null,
    constraint module_build_nsvca_unique unique (name, stream, version, context, arch),
    constraint module_build_version_positive check (version > 0)
);
create index module_build_by_stream on module_build (module_stream_id);

create table artifact (
    id              bigint generated always as identity primary key,
    module_build_id bigint       not null references module_build (id),
    kind            varchar(8)   not null,
    name            varchar(200) not null,
    epoch           varchar(10),
    version         varchar(200) not null,
    release         varchar(200),
    arch            varchar(32),
    source_rpm      varchar(400),
    sha256          varchar(64),
    purl            varchar(1000) not null,
    constraint artifact_kind_known check (kind in ('rpm', 'gem', 'pypi', 'maven', 'npm', 'generic')),
    constraint artifact_rpm_complete check (kind <> 'rpm' or (release is not null and arch is not null)),
    constraint artifact_sha256_format check (sha256 is null or sha256 ~ '^[0-9a-f]{64}$'),
    constraint artifact_unique_in_build unique (module_build_id, purl)
);
create index artifact_by_build on artifact (module_build_id);
create index artifact_by_name on artifact (lower(name));

-- Module updates ----------------------------------------------------------------------------------

create table module_update (
    id              bigint generated always as identity primary key,
    alias           varchar(64)  not null,
    release_id      bigint       not null references release (id),
    type            varchar(16)  not null,
    severity        varchar(16)  not null,
    title           varchar(300) not null,
    notes           text         not null default '',
    suggestion      varchar(16)  not null default 'none',
    submitter_id    bigint       not null references paddock_user (id),
    status          varchar(16)  not null,
    request         varchar(16)  not null default 'none',
    karma           integer      not null default 0,
    karma_reset_at  timestamptz  not null,
    submitted_at    timestamptz  not null,
    modified_at     timestamptz  not null,
    testing_at      timestamptz,
    stable_at       timestamptz,
    obsoleted_by_id bigint references module_update (id),
    row_version     integer      not null default 0,
    constraint module_update_alias_unique unique (alias),
    constraint module_update_type_known check (type in ('security', 'bugfix', 'enhancement', 'newpackage')),
    constraint module_update_severity_known check (severity in ('critical', 'important', 'moderate', 'low', 'none')),
    constraint module_update_security_has_severity check (type <> 'security' or severity <> 'none'),
    constraint module_update_suggestion_known check (suggestion in ('none', 'reboot', 'restart', 'relogin')),
    constraint module_update_status_known check (status in ('pending', 'testing', 'stable', 'unpushed', 'obsolete', 'revoked')),
    constraint module_update_request_known check (request in ('none', 'testing', 'stable', 'unpush', 'revoke'))
);
create index module_update_by_release_status on module_update (release_id, status);
create index module_update_by_submitter on module_update (submitter_id);
create index module_update_by_submitted on module_update (submitted_at desc, id desc);
create index module_update_title_search on module_update using gin (to_tsvector('simple', title));

-- the builds of an update: a build belongs to at most one update
create table update_build (
    update_id       bigint not null references module_update (id),
    module_build_id bigint not null references module_build (id),
    primary key (update_id, module_build_id),
    constraint update_build_once unique (module_build_id)
);

create table update_reference (
    id        bigint generated always as identity primary key,
    update_id bigint        not null references module_update (id),
    kind      varchar(10)   not null,
    ref_id    varchar(1000) not null,
    title     varchar(500)  not null default '',
    url       varchar(1000) not null,
    constraint update_reference_kind_known check (kind in ('cve', 'bugzilla', 'url')),
    constraint update_reference_cve_format check (kind <> 'cve' or ref_id ~ '^CVE-[0-9]{4}-[0-9]{4,}$'),
    constraint update_reference_bug_format check (kind <> 'bugzilla' or ref_id ~ '^[0-9]{1,10}$'),
    constraint update_reference_unique unique (update_id, kind, ref_id)
);
create index update_reference_lookup on update_reference (kind, ref_id);

-- which contained package fixes which reference
create table artifact_reference (
    reference_id bigint not null references update_reference (id) on delete cascade,
    artifact_id  bigint not null references artifact (id),
    primary key (reference_id, artifact_id)
);

create table update_comment (
    id         bigint generated always as identity primary key,
    update_id  bigint      not null references module_update (id),
    author_id  bigint      not null references paddock_user (id),
    text       text        not null,
    karma      smallint    not null default 0,
    created_at timestamptz not null,
    constraint update_comment_karma_range check (karma between -1 and 1)
);
create index update_comment_by_update on update_comment (update_id, created_at);

create table update_history (
    id         bigint generated always as identity primary key,
    update_id  bigint       not null references module_update (id),
    actor_id   bigint references paddock_user (id),
    at         timestamptz  not null,
    field      varchar(32)  not null,
    from_value text,
    to_value   text,
    reason     varchar(1000) not null default ''
);
create index update_history_by_update on update_history (update_id, at, id);
