-- Command-side lookups, kept by a subscribing processor in the same transaction as the events
-- they follow, so commands that span aggregates read exact figures.
-- Stock movements are appended, not summed into one row per mineral: a shared row would make
-- every deposit and withdrawal of a mineral wait for the others' transactions.
create table lookup_stock_movement (
    id      bigint generated always as identity primary key,
    mineral varchar(32)    not null,
    tonnes  numeric(15, 3) not null
);

create index lookup_stock_movement_mineral on lookup_stock_movement (mineral);

create table lookup_commitment (
    commitment_id   uuid primary key,
    manufacturer_id varchar(32)    not null,
    mineral         varchar(32)    not null,
    quantity_tonnes numeric(15, 3) not null,
    active          boolean        not null
);

create index lookup_commitment_mineral on lookup_commitment (mineral) where active;

create table lookup_disruption (
    disruption_id uuid primary key,
    mineral       varchar(32) not null
);

-- Read models of the commitments projection (processing group "commitments").
create table commitment_manufacturer (
    manufacturer_id varchar(32) primary key,
    name            text not null
);

create table commitment_view (
    commitment_id            uuid primary key,
    manufacturer_id          varchar(32)    not null,
    mineral                  varchar(32)    not null,
    quantity_tonnes          numeric(15, 3) not null,
    price_per_tonne_usd      numeric(17, 2) not null,
    start_date               date           not null,
    end_date                 date           not null,
    upfront_fee_usd          numeric(17, 2) not null,
    storage_fee_rate_usd     numeric(17, 2) not null,
    replenish_within_days    integer        not null,
    drawn_tonnes             numeric(15, 3) not null default 0,
    replenished_tonnes       numeric(15, 3) not null default 0,
    storage_fees_charged_usd numeric(17, 2) not null default 0,
    status                   varchar(16)    not null,
    settled_on               date,
    proceeds_usd             numeric(17, 2)
);

create index commitment_view_manufacturer on commitment_view (manufacturer_id);

create table commitment_draw (
    draw_id            uuid primary key,
    commitment_id      uuid           not null,
    site_id            varchar(32)    not null,
    quantity_tonnes    numeric(15, 3) not null,
    replenished_tonnes numeric(15, 3) not null default 0,
    drawn_on           date           not null,
    emergency          boolean        not null,
    disruption_id      uuid,
    replenish_by       date
);

create index commitment_draw_commitment on commitment_draw (commitment_id);

create table commitment_storage_fee (
    commitment_id uuid           not null,
    month         varchar(7)     not null,
    amount_usd    numeric(17, 2) not null,
    charged_to    date           not null,
    primary key (commitment_id, month)
);

create table commitment_disruption (
    disruption_id uuid primary key,
    mineral       varchar(32) not null,
    reason        text        not null,
    declared_on   date        not null,
    ended_on      date,
    ratio         numeric(9, 6) not null
);

create table commitment_entitlement (
    disruption_id uuid           not null,
    commitment_id uuid           not null,
    tonnes        numeric(15, 3) not null,
    primary key (disruption_id, commitment_id)
);

-- The inventory projection's view of commitments, for the national position per mineral.
create table inventory_commitment (
    commitment_id     uuid primary key,
    mineral           varchar(32)    not null,
    quantity_tonnes   numeric(15, 3) not null,
    outstanding_tonnes numeric(15, 3) not null default 0,
    active            boolean        not null
);
