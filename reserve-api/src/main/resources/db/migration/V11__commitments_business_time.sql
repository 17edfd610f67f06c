-- The commitments view answers any value date: it keeps each draw, replenishment and storage fee with its
-- business date and sums them up to the date asked, instead of running totals that hold only "everything
-- recorded so far". Replenishments become rows of their own; a draw's order of record breaks ties between
-- draws of one day when replenishments settle the oldest draws first.
create table commitment_replenishment (
    lot_id          uuid           primary key,
    commitment_id   uuid           not null,
    site_id         varchar(32)    not null,
    quantity_tonnes numeric(39, 3) not null,
    replenished_on  date           not null
);

create index commitment_replenishment_commitment on commitment_replenishment (commitment_id, replenished_on);

alter table commitment_draw add column recorded bigint generated always as identity;

alter table commitment_view
    drop column drawn_tonnes,
    drop column replenished_tonnes,
    drop column storage_fees_charged_usd,
    drop column status;

alter table commitment_draw drop column replenished_tonnes;

create index commitment_disruption_mineral on commitment_disruption (mineral, declared_on);

-- The commitments projection replays the stream from its start once, to fill the new tables: its tables are
-- emptied and its token set to none, which its processor reads as the start of the stream when the service starts.
truncate commitment_entitlement, commitment_disruption, commitment_storage_fee, commitment_draw, commitment_view,
    commitment_manufacturer;
update token_entry set token = null, token_type = null where processor_name = 'commitments';
-- Events parked before are replayed with the rest; kept, they would stop their aggregate again and be applied twice.
delete from dead_letter_entry where processing_group = 'commitments';
