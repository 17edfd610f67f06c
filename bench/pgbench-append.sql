-- One durable, event-shaped append per transaction: what a command of Reserve Ledger cannot be cheaper than.
-- pgbench -n -M prepared -j 2 -f pgbench-append.sql -c <clients> -T <seconds>
\set agg random(1, 1000)
INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, payload_type, payload, meta_data, time_stamp)
VALUES (:agg::text || '-' || :client_id::text, nextval('seqno'), 'Site', gen_random_uuid()::text, 'org.reserveledger.inventory.LotDeposited',
 convert_to('{"siteId":"NV-RENO-01","lotId":"4f6c2a4e-1b9a-4d55-9d0e-2f3b8d7c6a51","mineral":"LITHIUM","form":"lithium carbonate","quantityTonnes":300.000,"unitCostUsd":10000.00,"supplier":"TRAXYS","originCountry":"AU","fundingSource":"EXIM_LOAN"}', 'UTF8'),
 convert_to('{"actor":"operator-1","correlationId":"8d1c7e2a-5b3f-4a61-9e0d-7c2b1a9f3e44","traceId":"8d1c7e2a-5b3f-4a61-9e0d-7c2b1a9f3e44"}', 'UTF8'),
 now()::text);
