-- The gating decision of every update, stored per decision context, so pages and the API can list and
-- filter by it, and so a change is noticed (and told) only when the decision really changes.
-- An event outbox: events are written in the same transaction as the change they tell of and delivered
-- after commit.

create table update_decision (
    update_id       bigint        not null references module_update (id),
    context         varchar(32)   not null,
    status          varchar(16)   not null,
    satisfied       boolean       not null,
    summary         varchar(4000) not null,
    -- what makes two decisions the same: satisfied, status and each requirement's type, testcase and scenario
    fingerprint     varchar(64)   not null,
    -- the policies the decision used, as id@version, comma-separated
    policy_versions varchar(4000) not null,
    requirements    jsonb         not null,
    changed_at      timestamptz   not null,
    checked_at      timestamptz   not null,
    primary key (update_id, context),
    constraint update_decision_context_known check (context in ('push_testing', 'push_stable')),
    constraint update_decision_status_known check (status in ('passed', 'failed', 'waiting', 'ignored'))
);

-- The status at the gate the update stands before (push_testing while pending, push_stable after).
alter table module_update add column gating varchar(16);
alter table module_update add constraint module_update_gating_known
    check (gating is null or gating in ('passed', 'failed', 'waiting', 'ignored'));
create index module_update_by_gating on module_update (gating, submitted_at desc, id desc);

create table outbox_event (
    id           bigint generated always as identity primary key,
    type         varchar(64)  not null,
    subject      varchar(500) not null,
    payload      jsonb        not null,
    created_at   timestamptz  not null,
    delivered_at timestamptz
);
create index outbox_event_undelivered on outbox_event (id) where delivered_at is null;
create index outbox_event_by_subject on outbox_event (subject, id);
