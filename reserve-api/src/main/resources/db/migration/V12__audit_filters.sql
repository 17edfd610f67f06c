-- The audit log's filters (GET /api/v1/audit/events?type=&aggregateId=&actor=&correlationId=&from=&to=):
-- each filter has an index that ends in global_index, so a filtered page is one ordered index range.
--
-- The event table keeps payload types, metadata and instants as Axon writes them (class names, JSON in
-- bytea, ISO-8601 text). The functions below read them for the indexes; each answers null for a value it
-- cannot read instead of failing, so a damaged row is still found by the chain verifier and never stops
-- an append or this migration. They are immutable: their result depends on the stored value only (an
-- instant is read only when it names its zone, so the session's time zone cannot change it).

create function event_simple_type(payload_type varchar) returns varchar
    language sql immutable strict parallel safe as
$$
select substring(payload_type from '[^.]*$')
$$;

create function event_metadata_text(meta_data bytea, key text) returns text
    language plpgsql immutable strict as
$$
begin
    return convert_from(meta_data, 'UTF8')::jsonb ->> key;
exception
    when others then
        return null;
end;
$$;

create function event_recorded_at(time_stamp varchar) returns timestamptz
    language plpgsql immutable strict as
$$
begin
    if time_stamp !~ '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$' then
        return null;
    end if;
    return time_stamp::timestamptz;
exception
    when others then
        return null;
end;
$$;

create index domain_event_entry_by_type on domain_event_entry (event_simple_type(payload_type), global_index);
create index domain_event_entry_by_aggregate on domain_event_entry (aggregate_identifier, global_index);
create index domain_event_entry_by_actor on domain_event_entry (event_metadata_text(meta_data, 'actor'), global_index);
create index domain_event_entry_by_correlation
    on domain_event_entry (event_metadata_text(meta_data, 'correlationId'), global_index);
create index domain_event_entry_by_recording on domain_event_entry (event_recorded_at(time_stamp), global_index);
