-- Checkpoints of the projections' tables for views asOf a past instant: the tables as they stood
-- after every event up to `position` (a multiple of the checkpoint interval), each in a schema of
-- its own. A view asOf an instant starts from the latest checkpoint whose events were all recorded
-- by then and replays only the events after it.
create table projection_checkpoint (
    id                   bigint       generated always as identity primary key,
    position             bigint       not null,
    -- The latest recording time among the events up to `position`: the checkpoint serves any
    -- instant at or after it.
    recorded_through     timestamptz  not null,
    -- The position of the last event up to `position` (positions may have gaps).
    last_event_position  bigint       not null,
    schema_name          varchar(63)  not null unique,
    -- The shape of the projections' tables when it was built; a checkpoint of another shape is
    -- never used.
    tables_fingerprint   varchar(32)  not null,
    created_at           timestamptz  not null default now(),
    -- Set when the checkpoint is no longer offered; its schema is dropped a while later, so that a
    -- view already copying from it can finish.
    retired_at           timestamptz
);

-- At most one checkpoint offered per position; a retired one may linger beside its successor.
create unique index projection_checkpoint_offered on projection_checkpoint (position) where retired_at is null;
