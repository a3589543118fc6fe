-- Failed sign-ins, counted per user name and per client address. Instances sharing the database share the
-- counts: a failure is counted under a row lock, and a lock holds on every instance.
create table sign_in_counter (
    id               bigint generated always as identity primary key,
    kind             varchar(16)  not null,
    -- the user name as typed (lower-cased, at most 100 characters) or the client's address
    subject          varchar(100) not null,
    -- failures since window_started_at; a lock starts a new count
    failures         integer      not null default 0,
    window_started_at timestamptz,
    last_failure_at  timestamptz,
    locked_until     timestamptz,
    -- locks so far: each lock lasts twice as long as the one before
    locks            integer      not null default 0,
    constraint sign_in_counter_kind_known check (kind in ('user', 'address')),
    constraint sign_in_counter_unique unique (kind, subject),
    constraint sign_in_counter_counts check (failures >= 0 and locks >= 0)
);

create index sign_in_counter_last_failure on sign_in_counter (last_failure_at);
