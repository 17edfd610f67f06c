-- Procurement by funding source and value date, kept by the financing projection beside its row per lot, so
-- that the financing view sums a few rows per day instead of one per lot ever bought. Filled here from the
-- rows per lot; the projection keeps it from now on.
create table financing_procurement_day (
    funding_source varchar(32)    not null,
    value_date     date           not null,
    amount_usd     numeric(38, 2) not null,
    primary key (funding_source, value_date)
);

insert into financing_procurement_day (funding_source, value_date, amount_usd)
select funding_source, value_date, sum(amount_usd)
from financing_procurement
group by funding_source, value_date;
