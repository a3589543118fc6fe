-- Releases and the module streams they hold: the first slice of Paddock's schema.

create table release (
    id          bigint generated always as identity primary key,
    name        varchar(40)  not null,
    long_name   varchar(200) not null,
    state       varchar(16)  not null,
    created_at  timestamptz  not null default now(),
    constraint release_name_unique unique (name),
    constraint release_name_format check (name ~ '^[A-Za-z][A-Za-z0-9._-]*$'),
    constraint release_state_known check (state in ('pending', 'current', 'frozen', 'archived'))
);

create table module_stream (
    id          bigint generated always as identity primary key,
    release_id  bigint       not null references release (id),
    name        varchar(100) not null,
    stream      varchar(100) not null,
    summary     varchar(500) not null default '',
    created_at  timestamptz  not null default now(),
    constraint module_stream_unique unique (release_id, name, stream),
    constraint module_stream_name_format check (name ~ '^[A-Za-z0-9][A-Za-z0-9._+-]*$'),
    constraint module_stream_stream_format check (stream ~ '^[A-Za-z0-9][A-Za-z0-9._+-]*$')
);

create index module_stream_by_name on module_stream (name, stream);
