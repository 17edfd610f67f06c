-- The inventory projection in business time. Instead of each lot's quantity now, it keeps a stock ledger:
-- every change to a lot's quantity at a site, on hand or in transit to it, at the change's business
-- instant, so the inventory on any business date is a sum over the ledger up to that date. Reference
-- prices are kept per effective date, and commitments with the dates that change what is committed and
-- outstanding. The projection replays the stream from its start once to fill them: its tables are emptied
-- and its token set to none, which its processor reads as the start of the stream.
drop table inventory_lot;
drop table inventory_in_transit;
drop table inventory_reference_price;
drop table inventory_commitment;

-- What stays true of a lot wherever it goes, once per lot.
create table inventory_lot (
    lot_id         uuid primary key,
    mineral        varchar(32)    not null,
    form           text           not null,
    unit_cost_usd  numeric(38, 2) not null,
    supplier       text           not null,
    origin_country varchar(2)     not null,
    funding_source varchar(32)    not null,
    received_at    timestamptz    not null
);

create table inventory_movement (
    id                bigint generated always as identity primary key,
    site_id           varchar(32)    not null,
    lot_id            uuid           not null,
    mineral           varchar(32)    not null,
    at                timestamptz    not null,
    on_hand_tonnes    numeric(39, 3) not null default 0,
    in_transit_tonnes numeric(39, 3) not null default 0,
    kind              varchar(24)    not null,
    -- The deposit, withdrawal, transfer, draw or commitment the movement belongs to.
    reference         uuid           not null
);

create index inventory_movement_at on inventory_movement (at, site_id, mineral);

create table inventory_reference_price (
    mineral             varchar(32)    not null,
    effective_from      date           not null,
    price_per_tonne_usd numeric(38, 2) not null,
    source              text           not null,
    primary key (mineral, effective_from)
);

create table inventory_commitment (
    commitment_id   uuid primary key,
    mineral         varchar(32)    not null,
    quantity_tonnes numeric(39, 3) not null,
    start_date      date           not null,
    settled_on      date
);

-- Draws (positive), replenishments and settlements (negative) of the outstanding quantity, by date.
create table inventory_outstanding (
    id              bigint generated always as identity primary key,
    commitment_id   uuid           not null,
    mineral         varchar(32)    not null,
    on_date         date           not null,
    tonnes          numeric(39, 3) not null
);

create index inventory_outstanding_mineral_date on inventory_outstanding (mineral, on_date);

truncate inventory_site, inventory_draw;
update token_entry set token = null, token_type = null where processor_name = 'inventory';
-- Events parked before are replayed with the rest; kept, they would stop their sequence again and be applied twice.
delete from dead_letter_entry where processing_group = 'inventory';

-- Site snapshots of the earlier shape held lots without their movements; sites are sourced from their
-- events again, and snapshots of the new shape follow.
delete from snapshot_event_entry where payload_type = 'org.reserveledger.domain.inventory.Site';
