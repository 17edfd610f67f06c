-- The day through which the books are closed, the command side's own state: kept from PeriodClosed events by a
-- subscribing processor in the transaction that appends them. One row, always there, so that every
-- business-dated command can lock it for share and a close can lock it for update before either appends.
create table closed_period (
    id             smallint primary key check (id = 1),
    closed_through date,
    position       bigint
);

insert into closed_period (id) values (1);
