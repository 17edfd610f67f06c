package org.reserveledger.projections.financing;

import org.axonframework.queryhandling.QueryHandler;
import org.reserveledger.domain.financing.DayCount;
import org.reserveledger.domain.financing.InterestAccrual;
import org.reserveledger.domain.shared.Usd;
import org.reserveledger.projections.inventory.FindInventoryByMineralQuery;
import org.reserveledger.projections.inventory.InventoryQueries;
import org.reserveledger.projections.inventory.MineralPosition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws up the financing view on a value date: flows valued later are left out. Each facility's
 * flows are replayed through the same {@link InterestAccrual} the facility splits repayments
 * with, so the view's interest and principal agree with the aggregate to the cent. Collateral is
 * the stock held at the end of the value date, read from the inventory projection's tables, at the
 * reference prices in force that day.
 */
@Component
public class FinancingQueries {

    private static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final int RATIO_SCALE = 4;

    private final JdbcClient jdbc;
    private final InventoryQueries inventory;

    public FinancingQueries(JdbcClient jdbc, InventoryQueries inventory) {
        this.jdbc = jdbc;
        this.inventory = inventory;
    }

    @QueryHandler
    public FinancingHistory handle(FindFinancingHistoryQuery query) {
        return new FinancingHistory(query.valueDates().stream()
                .map(valueDate -> handle(new FindFinancingQuery(valueDate, query.requiredCoverageRatio())))
                .toList());
    }

    @QueryHandler
    public Financing handle(FindFinancingQuery query) {
        LocalDate on = query.valueDate();
        List<Financing.FacilityPosition> facilities = facilities(on);
        BigDecimal drawdowns = total(facilities.stream().map(Financing.FacilityPosition::drawnUsd).toList());
        BigDecimal loanOutstanding = total(facilities.stream().map(Financing.FacilityPosition::principalOutstandingUsd).toList());
        BigDecimal repayments = sum("select coalesce(sum(amount_usd), 0) from financing_loan_flow where kind = 'REPAYMENT' and value_date <= :on", on);
        Financing.PrivateCapital privateCapital = privateCapital(on);
        Financing.ManufacturerFees fees = manufacturerFees(on);

        BigDecimal eximProcurement = sum("""
                select coalesce(sum(amount_usd), 0) from financing_procurement_day
                where funding_source = 'EXIM_LOAN' and value_date <= :on
                """, on);
        BigDecimal privateProcurement = sum("""
                select coalesce(sum(amount_usd), 0) from financing_procurement_day
                where funding_source = 'PRIVATE_CAPITAL' and value_date <= :on
                """, on);
        BigDecimal fromManufacturers = fees.upfrontUsd().add(fees.storageUsd()).add(fees.proceedsUsd());
        BigDecimal sources = drawdowns.add(privateCapital.contributedUsd()).add(fromManufacturers);
        BigDecimal procurement = eximProcurement.add(privateProcurement);
        Financing.SourcesAndUses sourcesAndUses = new Financing.SourcesAndUses(sources, procurement, repayments,
                sources.subtract(procurement).subtract(repayments), List.of(
                new Financing.BySource("EXIM_LOAN", drawdowns, eximProcurement),
                new Financing.BySource("PRIVATE_CAPITAL", privateCapital.contributedUsd(), privateProcurement),
                new Financing.BySource("MANUFACTURER_FEES", fromManufacturers, ZERO)));

        BigDecimal inventoryValue = inventoryReferenceValue(on);
        BigDecimal coverage = loanOutstanding.signum() == 0 ? null
                : inventoryValue.divide(loanOutstanding, RATIO_SCALE, RoundingMode.HALF_EVEN);
        return new Financing(on, facilities, privateCapital, fees, sourcesAndUses,
                new Financing.Collateral(inventoryValue, loanOutstanding, coverage,
                        query.requiredCoverageRatio()));
    }

    private List<Financing.FacilityPosition> facilities(LocalDate on) {
        Map<String, List<Flow>> flows = new HashMap<>();
        jdbc.sql("""
                        select facility_id, kind, value_date, amount_usd, interest_usd, principal_usd from financing_loan_flow
                        where value_date <= :on order by facility_id, value_date, position
                        """)
                .param("on", on)
                .query(rs -> {
                    flows.computeIfAbsent(rs.getString("facility_id"), id -> new ArrayList<>())
                            .add(new Flow(rs.getString("kind"), rs.getObject("value_date", LocalDate.class),
                                    Usd.of(rs.getBigDecimal("amount_usd")), Usd.of(rs.getBigDecimal("interest_usd")),
                                    Usd.of(rs.getBigDecimal("principal_usd"))));
                });
        return jdbc.sql("""
                        select facility_id, lender, limit_usd, annual_rate_pct, day_count, maturity_date
                        from financing_facility order by facility_id
                        """)
                .query((rs, n) -> {
                    String facilityId = rs.getString("facility_id");
                    BigDecimal rate = rs.getBigDecimal("annual_rate_pct");
                    DayCount dayCount = DayCount.valueOf(rs.getString("day_count"));
                    InterestAccrual loan = InterestAccrual.on(rate, dayCount);
                    Usd drawn = Usd.ZERO;
                    Usd interestPaid = Usd.ZERO;
                    for (Flow flow : flows.getOrDefault(facilityId, List.of())) {
                        if (flow.kind().equals("DRAWDOWN")) {
                            drawn = drawn.plus(flow.amount());
                            loan = loan.drawn(flow.amount(), flow.valueDate());
                        } else {
                            interestPaid = interestPaid.plus(flow.interest());
                            loan = loan.repaid(flow.interest(), flow.principal(), flow.valueDate());
                        }
                    }
                    loan = loan.accruedTo() == null ? loan : loan.to(on);
                    Usd limit = Usd.of(rs.getBigDecimal("limit_usd"));
                    return new Financing.FacilityPosition(facilityId, rs.getString("lender"), limit.value(),
                            drawn.value(), limit.minus(drawn).value(), loan.principal().value(),
                            loan.interestDue().value(), interestPaid.value(), rate,
                            dayCount.name(), rs.getObject("maturity_date", LocalDate.class));
                })
                .list();
    }

    private Financing.PrivateCapital privateCapital(LocalDate on) {
        List<Financing.Investor> investors = jdbc.sql("""
                        select i.investor_id, i.name, i.commitment_usd,
                               (select sum(a.amount_usd) from financing_capital_allocation a
                                where a.investor_id = i.investor_id) as called,
                               (select sum(c.amount_usd) from financing_contribution c
                                where c.investor_id = i.investor_id and c.value_date <= :on) as contributed
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
        BigDecimal committed = total(investors.stream().map(Financing.Investor::committedUsd).toList());
        BigDecimal called = total(investors.stream().map(Financing.Investor::calledUsd).toList());
        BigDecimal contributed = total(investors.stream().map(Financing.Investor::contributedUsd).toList());
        return new Financing.PrivateCapital(committed, called, contributed, committed.subtract(called), investors);
    }

    private Financing.ManufacturerFees manufacturerFees(LocalDate on) {
        Map<String, BigDecimal> byKind = new HashMap<>();
        jdbc.sql("select kind, sum(amount_usd) as amount from financing_manufacturer_cash where value_date <= :on group by kind")
                .param("on", on)
                .query(rs -> {
                    byKind.put(rs.getString("kind"), money(rs.getBigDecimal("amount")));
                });
        return new Financing.ManufacturerFees(byKind.getOrDefault("UPFRONT_FEE", ZERO),
                byKind.getOrDefault("STORAGE_FEE", ZERO), byKind.getOrDefault("PROCEEDS", ZERO));
    }

    /**
     * Stock on hand and in transit on the value date at the prices in force then, exactly as the national
     * inventory view values it on that date; minerals without a price add nothing.
     */
    private BigDecimal inventoryReferenceValue(LocalDate on) {
        return total(inventory.handle(new FindInventoryByMineralQuery(on)).minerals().stream()
                .map(MineralPosition::referenceValueUsd)
                .filter(java.util.Objects::nonNull)
                .toList());
    }

    private BigDecimal sum(String sql, LocalDate on) {
        return money(jdbc.sql(sql).param("on", on).query(BigDecimal.class).single());
    }

    private static BigDecimal total(List<BigDecimal> amounts) {
        return amounts.stream().reduce(ZERO, BigDecimal::add);
    }

    /** A sum of cents from the database, at their scale; zero for a sum over no rows. */
    private static BigDecimal money(BigDecimal value) {
        return value == null ? ZERO : value.setScale(Usd.SCALE, RoundingMode.UNNECESSARY);
    }

    private record Flow(String kind, LocalDate valueDate, Usd amount, Usd interest, Usd principal) {
    }
}
