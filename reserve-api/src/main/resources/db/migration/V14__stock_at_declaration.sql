-- The command side's national stock keeps each movement's business instant, and each disruption the
-- recording instant of its declaration with the entitlements frozen then, so that a movement dated before a
-- declaration cannot leave the stock held at that declaration below its entitlements. Movements and
-- disruptions recorded before this migration have no instant: they count as before every declaration, and
-- the rule applies to disruptions declared from now on.
alter table lookup_stock_movement add column at timestamptz;
alter table lookup_disruption add column declared_at timestamptz;
alter table lookup_disruption add column entitled_tonnes numeric(39, 3);

create index lookup_disruption_mineral on lookup_disruption (mineral, declared_at);
