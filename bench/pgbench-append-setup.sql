-- The anchor of Reserve Ledger's speed figures: a table shaped like Axon's domain_event_entry, in a database
-- of its own. Run by SpeedHarness before pgbench -f pgbench-append.sql (see README, "Speed").
DROP TABLE IF EXISTS domain_event_entry;
DROP SEQUENCE IF EXISTS seqno;
CREATE SEQUENCE seqno;
CREATE TABLE domain_event_entry (
    global_index bigserial primary key,
    aggregate_identifier varchar(255) not null,
    sequence_number bigint not null,
    type varchar(255),
    event_identifier varchar(255) not null unique,
    payload_type varchar(255) not null,
    payload_revision varchar(255),
    payload bytea not null,
    meta_data bytea,
    time_stamp varchar(255) not null,
    unique (aggregate_identifier, sequence_number));
