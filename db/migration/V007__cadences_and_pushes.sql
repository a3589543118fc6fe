-- Cadences say when a module stream's updates may go stable; a release's cadence is the default for its
-- streams. Freezes stop everything but the security fast track. Pushes record what moved, from what to what
-- and why. Webhooks deliver the outbox's events.

create table cadence (
    id               bigint generated always as identity primary key,
    release_id       bigint        references release (id),
    module_stream_id bigint        references module_stream (id),
    mode             varchar(16)   not null,
    -- one window per line: "<5-field cron> <time zone> <length>", e.g. "0 14 * * TUE Europe/Prague 2h"
    windows          varchar(4000) not null default '',
    days_critical    integer       not null,
    days_important   integer       not null,
    days_moderate    integer       not null,
    days_low         integer       not null,
    days_none        integer       not null,
    -- security updates at or above this severity go stable at the next tick; null: no fast track
    fast_track       varchar(16),
    updated_at       timestamptz   not null,
    updated_by       bigint        references paddock_user (id),
    constraint cadence_one_owner check ((release_id is null) <> (module_stream_id is null)),
    constraint cadence_release_unique unique (release_id),
    constraint cadence_stream_unique unique (module_stream_id),
    constraint cadence_mode_known check (mode in ('immediate', 'windows')),
    constraint cadence_days_range check (days_critical between 0 and 365 and days_important between 0 and 365
        and days_moderate between 0 and 365 and days_low between 0 and 365 and days_none between 0 and 365),
    constraint cadence_fast_track_known check (fast_track is null or fast_track in ('critical', 'important', 'moderate', 'low'))
);

create table release_freeze (
    id          bigint generated always as identity primary key,
    release_id  bigint        not null references release (id),
    starts_at   timestamptz   not null,
    ends_at     timestamptz   not null,
    reason      varchar(500)  not null,
    created_by  bigint        not null references paddock_user (id),
    created_at  timestamptz   not null,
    constraint release_freeze_order check (starts_at < ends_at),
    constraint release_freeze_reason_given check (length(btrim(reason)) > 0)
);
create index release_freeze_by_release on release_freeze (release_id, ends_at);

alter table module_update add column hold_reason varchar(1000);
alter table module_update add column window_override varchar(1000);
-- every push bumps its release's snapshot: the feeds of a release change exactly when this does
alter table release add column snapshot bigint not null default 0;

create table push (
    id               bigint generated always as identity primary key,
    release_id       bigint        not null references release (id),
    module_stream_id bigint        not null references module_stream (id),
    started_at       timestamptz   not null,
    ended_at         timestamptz,
    result           varchar(16)   not null,
    planned          integer       not null,
    moved            integer       not null default 0,
    snapshot         bigint,
    message          varchar(2000),
    started_by       varchar(64)   not null,
    constraint push_result_known check (result in ('running', 'completed', 'failed', 'abandoned'))
);
create index push_by_time on push (started_at desc, id desc);
create index push_running on push (id) where result = 'running';

create table push_item (
    push_id     bigint        not null references push (id),
    update_id   bigint        not null references module_update (id),
    from_status varchar(16)   not null,
    to_status   varchar(16)   not null,
    reason      varchar(1000) not null,
    primary key (push_id, update_id)
);
create index push_item_by_update on push_item (update_id);

create table webhook (
    id          bigint generated always as identity primary key,
    url         varchar(2000) not null,
    secret      varchar(200)  not null,
    -- comma-separated event types, or * for all
    events      varchar(1000) not null,
    active      boolean       not null default true,
    created_by  bigint        not null references paddock_user (id),
    created_at  timestamptz   not null
);

create table webhook_delivery (
    id               bigint generated always as identity primary key,
    webhook_id       bigint        not null references webhook (id),
    event_id         bigint        not null references outbox_event (id),
    state            varchar(16)   not null,
    attempts         integer       not null default 0,
    last_status_code integer,
    last_error       varchar(2000),
    next_attempt_at  timestamptz   not null,
    delivered_at     timestamptz,
    created_at       timestamptz   not null,
    constraint webhook_delivery_once unique (webhook_id, event_id),
    constraint webhook_delivery_state_known check (state in ('pending', 'delivered', 'failed'))
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'pending';
create index webhook_delivery_by_webhook on webhook_delivery (webhook_id, id desc);
