-- Which module stream speaks for an update with several builds: the stream of its first build as submitted. Its
-- cadence decides when the update may go stable and its push moves it; every stream's policies apply to it.
-- Stored, so the pusher finds a stream's updates by an index rather than by a sub-select over every build.
alter table module_update add column cadence_stream_id bigint references module_stream (id);
update module_update u set cadence_stream_id = (
    select b.module_stream_id from update_build ub join module_build b on b.id = ub.module_build_id
    where ub.update_id = u.id order by b.id limit 1);
alter table module_update alter column cadence_stream_id set not null;
create index module_update_by_cadence_stream on module_update (cadence_stream_id, status, id);

-- Re-deciding every active update after a policy changes, in bounded batches: the policy is stored at once and
-- this row walks the active updates in id order, one short transaction per batch, on whichever instance claims it.
-- A newer recompute supersedes an unfinished older one (it re-decides everything anyway).
create table decision_recompute (
    id             bigint generated always as identity primary key,
    cause          varchar(4000) not null,
    requested_by   varchar(100),
    requested_at   timestamptz   not null,
    -- active updates when it was asked for: progress is done of about total
    total          integer       not null,
    done           integer       not null default 0,
    changed        integer       not null default 0,
    -- the highest update id re-decided so far: updates above it still carry their old decision
    last_update_id bigint        not null default 0,
    finished_at    timestamptz,
    superseded_by  bigint references decision_recompute (id),
    constraint decision_recompute_counts check (total >= 0 and done >= 0 and changed >= 0)
);
create index decision_recompute_unfinished on decision_recompute (id) where finished_at is null;
