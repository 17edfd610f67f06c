-- The audit chain: proof that no event was altered, removed, reordered or slipped in.
--
-- event_attestation: written by the service in the same transaction as each event it appends,
--   an HMAC (keyed by a secret kept outside the database) over the event's canonical encoding.
--   An event without a valid attestation was not written by the service.
-- audit_chain: the events linked in the order they became visible, each hash the SHA-256 of the
--   previous hash and the event's canonical encoding (README: "Audit chain"). A late-committing
--   append joins the chain when it commits, so the chain never depends on global_index order.
-- audit_chain_pending: attested events the chainer has not linked yet; it stays small.

create table event_attestation (
    global_index     bigint       primary key,
    event_identifier varchar(255) not null unique,
    mac              bytea        not null
);

create table audit_chain (
    chain_sequence bigint      primary key,
    global_index   bigint      not null unique,
    hash           bytea       not null,
    chained_at     timestamptz not null default now()
);

create table audit_chain_pending (
    global_index bigint primary key
);

comment on table audit_chain is 'The integrity chain over domain_event_entry; links are never updated or deleted.';

create function refuse_audit_change() returns trigger
    language plpgsql as
$$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger event_attestation_append_only
    before update or delete on event_attestation
    for each row execute function refuse_audit_change();

create trigger event_attestation_no_truncate
    before truncate on event_attestation
    for each statement execute function refuse_audit_change();

create trigger audit_chain_append_only
    before update or delete on audit_chain
    for each row execute function refuse_audit_change();

create trigger audit_chain_no_truncate
    before truncate on audit_chain
    for each statement execute function refuse_audit_change();
