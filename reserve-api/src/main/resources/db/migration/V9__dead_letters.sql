-- Axon's JDBC dead-letter queue, in snake_case: events a projection could not apply, parked with
-- every later event of their sequence so the rest of the stream keeps flowing. Instants are
-- ISO-8601 text as Axon writes them; payloads, metadata, tokens and diagnostics are JSON in bytea.
create table dead_letter_entry (
    dead_letter_id       varchar(255) primary key,
    processing_group     varchar(255)  not null,
    sequence_identifier  varchar(255)  not null,
    sequence_index       bigint        not null,
    message_type         varchar(255)  not null,
    event_identifier     varchar(255)  not null,
    time_stamp           varchar(255)  not null,
    payload_type         varchar(255)  not null,
    payload_revision     varchar(255),
    payload              bytea         not null,
    meta_data            bytea,
    aggregate_type       varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          varchar(255)  not null,
    last_touched         varchar(255),
    processing_started   varchar(255),
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    -- Also serves every lookup by processing group, and by group and sequence.
    unique (processing_group, sequence_identifier, sequence_index)
);
