-- Read models of the inventory projection (processing group "inventory").

create table inventory_site (
    site_id         varchar(32) primary key,
    name            text          not null,
    state           varchar(2)    not null,
    capacity_tonnes numeric(15, 3) not null,
    status          varchar(16)   not null
);

-- Each lot's part held at a site.
create table inventory_lot (
    site_id          varchar(32)    not null,
    lot_id           uuid           not null,
    mineral          varchar(32)    not null,
    form             text           not null,
    quantity_tonnes  numeric(15, 3) not null check (quantity_tonnes >= 0),
    unit_cost_usd    numeric(17, 2) not null,
    supplier         text           not null,
    origin_country   varchar(2)     not null,
    funding_source   varchar(32)    not null,
    received_at      timestamptz    not null,
    primary key (site_id, lot_id)
);

create index inventory_lot_mineral on inventory_lot (mineral);

-- Each lot's part dispatched and not yet received.
create table inventory_in_transit (
    transfer_id     uuid           not null,
    lot_id          uuid           not null,
    from_site_id    varchar(32)    not null,
    to_site_id      varchar(32)    not null,
    mineral         varchar(32)    not null,
    form            text           not null,
    quantity_tonnes numeric(15, 3) not null check (quantity_tonnes > 0),
    unit_cost_usd   numeric(17, 2) not null,
    supplier        text           not null,
    origin_country  varchar(2)     not null,
    funding_source  varchar(32)    not null,
    received_at     timestamptz    not null,
    primary key (transfer_id, lot_id)
);

create table inventory_reference_price (
    mineral             varchar(32) primary key,
    price_per_tonne_usd numeric(17, 2) not null,
    effective_from      date           not null
);
