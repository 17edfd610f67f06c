-- Manufacturers' draws by mineral and date, kept by the inventory projection, for the national
-- view's consumption and days of cover.
create table inventory_draw (
    draw_id         uuid primary key,
    mineral         varchar(32)    not null,
    quantity_tonnes numeric(15, 3) not null,
    drawn_on        date           not null
);

create index inventory_draw_mineral_date on inventory_draw (mineral, drawn_on);

-- The inventory projection replays the stream from its start once, to fill the new table for draws
-- recorded before it existed: its tables are emptied and its token set to none, which its processor
-- reads as the start of the stream when the service starts.
truncate inventory_in_transit, inventory_lot, inventory_site, inventory_reference_price, inventory_commitment;
update token_entry set token = null, token_type = null where processor_name = 'inventory';
