-- Balances the inventory projection keeps beside its stock ledger, so that a view need not sum the whole
-- ledger: each lot's quantity at each site over every movement recorded (inventory_holding), and their sums
-- per site, mineral and country of origin (inventory_position), with the book cost and the number of lots on
-- hand. A view at the end of a business date takes these and subtracts the movements dated after it, of which
-- there are none for today. Filled here from the ledger as it stands; the projection keeps them from now on.
create table inventory_holding (
    site_id           varchar(32)    not null,
    lot_id            uuid           not null,
    mineral           varchar(32)    not null,
    -- Null only in a row no movement of a lot brought: a withdrawal names neither, taking from a holding that
    -- has them (PostgreSQL checks the row it would insert before it finds the conflict that updates instead),
    -- and a position refuses the null should a withdrawal ever come first.
    unit_cost_usd     numeric(38, 2),
    origin_country    varchar(2),
    on_hand_tonnes    numeric(39, 3) not null,
    in_transit_tonnes numeric(39, 3) not null,
    primary key (site_id, lot_id)
);

create table inventory_position (
    site_id           varchar(32)    not null,
    mineral           varchar(32)    not null,
    origin_country    varchar(2)     not null,
    on_hand_tonnes    numeric(39, 3) not null,
    in_transit_tonnes numeric(39, 3) not null,
    -- Tonnes times cost per tonne, not rounded: the views round each site's and mineral's sum once.
    book_usd          numeric        not null,
    lots_on_hand      integer        not null,
    primary key (site_id, mineral, origin_country)
);

-- The movements dated after a view's date, which it subtracts, are found by date.
create index inventory_movement_after on inventory_movement (at, site_id, lot_id);
drop index inventory_movement_at;

insert into inventory_holding (site_id, lot_id, mineral, unit_cost_usd, origin_country, on_hand_tonnes,
                               in_transit_tonnes)
select m.site_id, m.lot_id, m.mineral, l.unit_cost_usd, l.origin_country, sum(m.on_hand_tonnes),
       sum(m.in_transit_tonnes)
from inventory_movement m
join inventory_lot l on l.lot_id = m.lot_id
group by m.site_id, m.lot_id, m.mineral, l.unit_cost_usd, l.origin_country;

insert into inventory_position (site_id, mineral, origin_country, on_hand_tonnes, in_transit_tonnes, book_usd,
                                lots_on_hand)
select site_id, mineral, origin_country, sum(on_hand_tonnes), sum(in_transit_tonnes),
       sum((on_hand_tonnes + in_transit_tonnes) * unit_cost_usd), count(*) filter (where on_hand_tonnes > 0)
from inventory_holding
group by site_id, mineral, origin_country;
