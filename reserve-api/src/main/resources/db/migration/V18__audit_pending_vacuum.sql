-- audit_chain_pending holds only the attested events not yet linked into the chain: each row is deleted
-- moments after it is inserted. Vacuumed by PostgreSQL's default thresholds (a fifth of the table), its
-- index would fill with dead entries that every chaining pass walks; vacuum it after every thousand changes.
alter table audit_chain_pending set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
                                     autovacuum_vacuum_insert_scale_factor = 0,
                                     autovacuum_vacuum_insert_threshold = 1000);
