package org.reserveledger.projections.financing;

import org.axonframework.queryhandling.QueryHandler;
import org.reserveledger.domain.financing.DayCount;
import org.reserveledger.domain.financing.InterestAccrual;
import org.reserveledger.domain.shared.Usd;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Draws up the financing view on a value date. Interest is accrued with the same
 * {@link InterestAccrual} the facility uses to split repayments, flow by flow in value-date order.
 * Collateral is valued from the inventory projection's stock at reference prices.
 */
@Component
public class FinancingQueries {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private final JdbcClient jdbc;

    public FinancingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Financing handle(FindFinancingQuery query) {
        LocalDate on = query.valueDate();
        List<Financing.FacilityPosition> facilities = facilities(on);
        BigDecimal loanOutstanding = facilities.stream().map(Financing.FacilityPosition::principalOutstandingUsd)
                .reduce(ZERO, BigDecimal::add);
        BigDecimal drawdowns = facilities.stream().map(Financing.FacilityPosition::drawnUsd).reduce(ZERO, BigDecimal::add);
        BigDecimal repayments = sum("select coalesce(sum(amount_usd), 0) from financing_loan_flow where kind = 'REPAYMENT' and value_date <= :on", on);

        Financing.PrivateCapital privateCapital = privateCapital(on);
        Map<String, BigDecimal> cash = jdbc.sql("""
                        select kind, sum(amount_usd) as amount from financing_manufacturer_cash
                        where value_date <= :on group by kind
                        """)
                .param("on", on)
                .query(rs -> {
                    Map<String, BigDecimal> byKind = new java.util.HashMap<>();
                    while (rs.next()) {
                        byKind.put(rs.getString("kind"), rs.getBigDecimal("amount"));
                    }
                    return byKind;
                });
        Financing.ManufacturerFees fees = new Financing.ManufacturerFees(cash.getOrDefault("UPFRONT_FEE", ZERO),
                cash.getOrDefault("STORAGE_FEE", ZERO), cash.getOrDefault("PROCEEDS", ZERO));
        BigDecimal fromManufacturers = fees.upfrontUsd().add(fees.storageUsd()).add(fees.proceedsUsd());

        BigDecimal eximProcurement = sum("""
                select coalesce(sum(amount_usd), 0) from financing_procurement where funding_source = 'EXIM_LOAN' and value_date <= :on
                """, on);
        BigDecimal privateProcurement = sum("""
                select coalesce(sum(amount_usd), 0) from financing_procurement where funding_source = 'PRIVATE_CAPITAL' and value_date <= :on
                """, on);
        BigDecimal sources = drawdowns.add(privateCapital.contributedUsd()).add(fromManufacturers);
        BigDecimal procurement = eximProcurement.add(privateProcurement);
        Financing.SourcesAndUses sourcesAndUses = new Financing.SourcesAndUses(sources, procurement, repayments,
                sources.subtract(procurement).subtract(repayments), List.of(
                new Financing.BySource("EXIM_LOAN", drawdowns, eximProcurement),
                new Financing.BySource("PRIVATE_CAPITAL", privateCapital.contributedUsd(), privateProcurement),
                new Financing.BySource("MANUFACTURER_FEES", fromManufacturers, ZERO)));

        BigDecimal inventoryValue = inventoryReferenceValue();
        BigDecimal ratio = loanOutstanding.signum() == 0 ? null
                : inventoryValue.divide(loanOutstanding, 4, RoundingMode.HALF_EVEN);
        return new Financing(on, facilities, privateCapital, fees, sourcesAndUses,
                new Financing.Collateral(inventoryValue, loanOutstanding, ratio));
    }

    private List<Financing.FacilityPosition> facilities(LocalDate on) {
        List<Financing.FacilityPosition> positions = new ArrayList<>();
        jdbc.sql("select * from financing_facility order by facility_id").query(rs -> {
            String facilityId = rs.getString("facility_id");
            BigDecimal rate = rs.getBigDecimal("annual_rate_pct");
            DayCount dayCount = DayCount.valueOf(rs.getString("day_count"));
            List<Flow> flows = jdbc.sql("""
                            select kind, value_date, amount_usd, interest_usd, principal_usd from financing_loan_flow
                            where facility_id = :id and value_date <= :on order by value_date, position
                            """)
                    .param("id", facilityId)
                    .param("on", on)
                    .query((r, n) -> new Flow(r.getString("kind"), r.getDate("value_date").toLocalDate(),
                            r.getBigDecimal("amount_usd"), r.getBigDecimal("interest_usd"), r.getBigDecimal("principal_usd")))
                    .list();
            BigDecimal drawn = ZERO;
            BigDecimal principal = ZERO;
            BigDecimal accrued = BigDecimal.ZERO;
            BigDecimal interestPaid = ZERO;
            LocalDate last = null;
            for (Flow flow : flows) {
                if (last != null) {
                    accrued = accrued.add(InterestAccrual.between(principal, rate, dayCount, last, flow.valueDate()));
                }
                last = flow.valueDate();
                if (flow.kind().equals("DRAWDOWN")) {
                    drawn = drawn.add(flow.amount());
                    principal = principal.add(flow.amount());
                } else {
                    accrued = accrued.subtract(flow.interest()).max(BigDecimal.ZERO);
                    interestPaid = interestPaid.add(flow.interest());
                    principal = principal.subtract(flow.principal());
                }
            }
            if (last != null) {
                accrued = accrued.add(InterestAccrual.between(principal, rate, dayCount, last, on));
            }
            BigDecimal limit = rs.getBigDecimal("limit_usd");
            positions.add(new Financing.FacilityPosition(facilityId, rs.getString("lender"), limit, drawn,
                    limit.subtract(drawn), principal, Usd.rounded(accrued).value(), interestPaid, rate,
                    dayCount.name(), rs.getDate("maturity_date").toLocalDate()));
        });
        return positions;
    }

    private Financing.PrivateCapital privateCapital(LocalDate on) {
        List<Financing.Investor> investors = jdbc.sql("""
                        select i.investor_id, i.name, i.commitment_usd,
                               coalesce((select sum(c.amount_usd) from financing_capital_call c
                                         where c.investor_id = i.investor_id), 0) as called,
                               coalesce((select sum(k.amount_usd) from financing_contribution k
                                         where k.investor_id = i.investor_id and k.value_date <= :on), 0) as contributed
                        from financing_investor i order by i.investor_id
                        """)
                .param("on", on)
                .query((rs, n) -> {
                    BigDecimal committed = rs.getBigDecimal("commitment_usd");
                    BigDecimal called = money(rs.getBigDecimal("called"));
                    return new Financing.Investor(rs.getString("investor_id"), rs.getString("name"), committed, called,
                            money(rs.getBigDecimal("contributed")), committed.subtract(called));
                })
                .list();
        BigDecimal committed = investors.stream().map(Financing.Investor::committedUsd).reduce(ZERO, BigDecimal::add);
        BigDecimal called = investors.stream().map(Financing.Investor::calledUsd).reduce(ZERO, BigDecimal::add);
        BigDecimal contributed = investors.stream().map(Financing.Investor::contributedUsd).reduce(ZERO, BigDecimal::add);
        return new Financing.PrivateCapital(committed, called, contributed, committed.subtract(called), investors);
    }

    /** The sum over sites and minerals of stock on hand and in transit at reference prices, each rounded once. */
    private BigDecimal inventoryReferenceValue() {
        return jdbc.sql("""
                        with stock as (
                            select site_id, mineral, quantity_tonnes from inventory_lot
                            union all
                            select to_site_id, mineral, quantity_tonnes from inventory_in_transit
                        )
                        select sum(s.quantity_tonnes) * p.price_per_tonne_usd as value
                        from stock s join inventory_reference_price p on p.mineral = s.mineral
                        group by s.site_id, s.mineral, p.price_per_tonne_usd
                        """)
                .query((rs, n) -> Usd.rounded(rs.getBigDecimal("value")).value())
                .list()
                .stream()
                .reduce(ZERO, BigDecimal::add);
    }

    private BigDecimal sum(String sql, LocalDate on) {
        BigDecimal value = jdbc.sql(sql).param("on", on).query(BigDecimal.class).single();
        return money(value);
    }

    private static BigDecimal money(BigDecimal value) {
        // Sums of numeric(17, 2) columns never have more than two decimals.
        return value == null ? ZERO : value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private record Flow(String kind, LocalDate valueDate, BigDecimal amount, BigDecimal interest, BigDecimal principal) {
    }
}
