-- What each business day changed in the sites' positions, kept by the inventory projection beside the positions
-- themselves: per site, mineral, country of origin and UTC day, the tonnes on hand and in transit that moved, their
-- book cost, and how many lots came to have something on hand at the end of the day (or ceased to). The stock at
-- the end of a past date is the positions less the days after it, a few rows per day, instead of the positions
-- less every movement after it. Filled here from the stock ledger; the projection keeps it from now on.
create table inventory_position_day (
    day               date           not null,
    site_id           varchar(32)    not null,
    mineral           varchar(32)    not null,
    origin_country    varchar(2)     not null,
    on_hand_tonnes    numeric(39, 3) not null,
    in_transit_tonnes numeric(39, 3) not null,
    -- Tonnes times cost per tonne, not rounded, as in inventory_position.
    book_usd          numeric        not null,
    lots_on_hand      integer        not null,
    primary key (day, site_id, mineral, origin_country)
);

insert into inventory_position_day (day, site_id, mineral, origin_country, on_hand_tonnes, in_transit_tonnes,
                                    book_usd, lots_on_hand)
with lot_day as (
    select site_id, lot_id, (at at time zone 'UTC')::date as day, sum(on_hand_tonnes) as on_hand,
           sum(in_transit_tonnes) as in_transit
    from inventory_movement
    group by site_id, lot_id, (at at time zone 'UTC')::date
),
held as (
    select site_id, lot_id, day, on_hand, in_transit,
           (sum(on_hand) over (partition by site_id, lot_id order by day) > 0)::int as held
    from lot_day
),
changed as (
    select site_id, lot_id, day, on_hand, in_transit,
           held - lag(held, 1, 0) over (partition by site_id, lot_id order by day) as lots
    from held
)
select c.day, c.site_id, l.mineral, l.origin_country, sum(c.on_hand), sum(c.in_transit),
       sum((c.on_hand + c.in_transit) * l.unit_cost_usd), sum(c.lots)
from changed c
join inventory_lot l on l.lot_id = c.lot_id
group by c.day, c.site_id, l.mineral, l.origin_country;

-- The views no longer look movements up by date; the projection looks a lot's movements up by site and lot.
create index inventory_movement_lot on inventory_movement (site_id, lot_id);
drop index inventory_movement_after;
