-- Read models of the financing projection (processing group "financing"). Every flow of cash keeps
-- its value date, so the view can be drawn up as of any business date.
create table financing_facility (
    facility_id     varchar(32) primary key,
    lender          text           not null,
    limit_usd       numeric(17, 2) not null,
    annual_rate_pct numeric(7, 4)  not null,
    day_count       varchar(8)     not null,
    maturity_date   date           not null
);

-- Drawdowns and repayments; a repayment keeps its split into interest and principal.
create table financing_loan_flow (
    flow_id       uuid primary key,
    facility_id   varchar(32)    not null,
    kind          varchar(16)    not null check (kind in ('DRAWDOWN', 'REPAYMENT')),
    value_date    date           not null,
    amount_usd    numeric(17, 2) not null,
    interest_usd  numeric(17, 2) not null default 0,
    principal_usd numeric(17, 2) not null default 0,
    position      bigint         not null
);

create index financing_loan_flow_facility on financing_loan_flow (facility_id, value_date, position);

create table financing_investor (
    investor_id    varchar(32) primary key,
    name           text           not null,
    commitment_usd numeric(17, 2) not null
);

create table financing_capital_call (
    capital_call_id uuid primary key,
    amount_usd      numeric(17, 2) not null,
    due_date        date           not null
);

create table financing_capital_allocation (
    capital_call_id uuid           not null,
    investor_id     varchar(32)    not null,
    amount_usd      numeric(17, 2) not null,
    primary key (capital_call_id, investor_id)
);

create index financing_capital_allocation_investor on financing_capital_allocation (investor_id);

create table financing_contribution (
    contribution_id uuid primary key,
    investor_id     varchar(32)    not null,
    capital_call_id uuid           not null,
    amount_usd      numeric(17, 2) not null,
    value_date      date           not null
);

create index financing_contribution_investor on financing_contribution (investor_id);

-- Cash out for material bought with loan or private money, at cost on the lot's receipt date.
-- Manufacturers' replenishments arrive in kind and cost the reserve no cash, so they are not here.
create table financing_procurement (
    lot_id         uuid primary key,
    funding_source varchar(32)    not null check (funding_source in ('EXIM_LOAN', 'PRIVATE_CAPITAL')),
    amount_usd     numeric(17, 2) not null,
    value_date     date           not null
);

-- Cash in from manufacturers, from the commitments' events: upfront fees, storage fees and
-- buyback proceeds, each on its value date.
create table financing_manufacturer_cash (
    id            bigint generated always as identity primary key,
    commitment_id uuid           not null,
    kind          varchar(16)    not null check (kind in ('UPFRONT_FEE', 'STORAGE_FEE', 'PROCEEDS')),
    amount_usd    numeric(17, 2) not null,
    value_date    date           not null
);
