package org.reserveledger.projections.financing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.reserveledger.domain.commitment.CommitmentMade;
import org.reserveledger.domain.commitment.CommitmentSettled;
import org.reserveledger.domain.commitment.StorageFeeCharged;
import org.reserveledger.domain.financing.CapitalCalled;
import org.reserveledger.domain.financing.CapitalContributed;
import org.reserveledger.domain.financing.FacilityEstablished;
import org.reserveledger.domain.financing.InvestorAdmitted;
import org.reserveledger.domain.financing.LoanDrawn;
import org.reserveledger.domain.financing.LoanRepaid;
import org.reserveledger.domain.inventory.DepositReversed;
import org.reserveledger.domain.inventory.FundingSource;
import org.reserveledger.domain.inventory.LotDeposited;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.Usd;
import org.reserveledger.projections.replay.Projection;
import org.reserveledger.projections.replay.ReadModel;
import org.reserveledger.projections.support.ProjectionWrites;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Builds the financing tables: the facilities' flows, private capital, procurement by funding
 * source, and the cash manufacturers pay. Like every projection it runs in a streaming processor
 * whose token is stored in the same transaction as these rows, so each event is applied exactly
 * once, and a replay starts from empty tables.
 */
@Component
@ProcessingGroup(FinancingProjection.NAME)
// Per aggregate: a facility's flows come from the facility, private capital from its one aggregate, procurement and
// manufacturers' cash are rows of their own per lot and commitment event.
@ReadModel(parking = ReadModel.Parking.PER_AGGREGATE, tables = {
        "financing_manufacturer_cash",
        "financing_procurement",
        "financing_procurement_day",
        "financing_contribution",
        "financing_capital_allocation",
        "financing_capital_call",
        "financing_investor",
        "financing_loan_flow",
        "financing_facility"})
public class FinancingProjection {

    public static final String NAME = "financing";

    private final ProjectionWrites writes;
    /** The lots bought in a batch added to the procurement of their funding source and day, once per batch. */
    private final ProjectionWrites.SetWrite procurementByDay;

    public FinancingProjection(ProjectionWrites writes) {
        this.writes = writes;
        this.procurementByDay = writes.setWrite("""
                insert into financing_procurement_day as d (funding_source, value_date, amount_usd)
                select funding_source, value_date, sum(amount_usd)
                from unnest(?::varchar[], ?::date[], ?::numeric[]) as bought (funding_source, value_date, amount_usd)
                group by funding_source, value_date
                on conflict (funding_source, value_date) do update set amount_usd = d.amount_usd + excluded.amount_usd
                """, "varchar", "date", "numeric");
    }

    @EventHandler
    void on(FacilityEstablished event) {
        writes.insert("""
                        insert into financing_facility (facility_id, lender, limit_usd, annual_rate_pct, day_count, maturity_date)
                        values (:id, :lender, :limit, :rate, :dayCount, :maturity)
                        """)
                .param("id", event.facilityId().value())
                .param("lender", event.lender())
                .param("limit", event.limit().value())
                .param("rate", event.annualInterestRatePct())
                .param("dayCount", event.dayCount().name())
                .param("maturity", event.maturityDate())
                .add();
    }

    @EventHandler
    void on(LoanDrawn event, TrackingToken token) {
        flow(event.drawdownId().value(), event.facilityId().value(), "DRAWDOWN", event.valueDate(), event.amount(),
                Usd.ZERO, Usd.ZERO, token);
    }

    @EventHandler
    void on(LoanRepaid event, TrackingToken token) {
        flow(event.repaymentId().value(), event.facilityId().value(), "REPAYMENT", event.valueDate(), event.amount(),
                event.interestPaid(), event.principalPaid(), token);
    }

    @EventHandler
    void on(InvestorAdmitted event) {
        writes.insert("insert into financing_investor (investor_id, name, commitment_usd) values (:id, :name, :commitment)")
                .param("id", event.investorId().value())
                .param("name", event.name())
                .param("commitment", event.commitment().value())
                .add();
    }

    @EventHandler
    void on(CapitalCalled event) {
        writes.insert("insert into financing_capital_call (capital_call_id, amount_usd, due_date) values (:call, :amount, :due)")
                .param("call", event.capitalCallId().value())
                .param("amount", event.amount().value())
                .param("due", event.dueDate())
                .add();
        for (CapitalCalled.Allocation allocation : event.allocations()) {
            writes.insert("""
                            insert into financing_capital_allocation (capital_call_id, investor_id, amount_usd)
                            values (:call, :investor, :amount)
                            """)
                    .param("call", event.capitalCallId().value())
                    .param("investor", allocation.investorId().value())
                    .param("amount", allocation.amount().value())
                    .add();
        }
    }

    @EventHandler
    void on(CapitalContributed event) {
        writes.insert("""
                        insert into financing_contribution (contribution_id, investor_id, capital_call_id, amount_usd, value_date)
                        values (:id, :investor, :call, :amount, :valueDate)
                        """)
                .param("id", event.contributionId().value())
                .param("investor", event.investorId().value())
                .param("call", event.capitalCallId().value())
                .param("amount", event.amount().value())
                .param("valueDate", event.valueDate())
                .add();
    }

    @EventHandler
    void on(LotDeposited event) {
        if (event.lot().fundingSource() == FundingSource.MANUFACTURER_REPLENISHMENT) {
            // Supplied in kind by a manufacturer: the reserve paid nothing for it.
            return;
        }
        LocalDate valueDate = event.lot().receivedAt().atZone(ZoneOffset.UTC).toLocalDate();
        BigDecimal amount = event.lot().unitCostUsd().times(event.lot().quantity()).value();
        writes.insert("""
                        insert into financing_procurement (lot_id, funding_source, amount_usd, value_date)
                        values (:lot, :source, :amount, :valueDate)
                        """)
                .param("lot", event.lot().lotId().value())
                .param("source", event.lot().fundingSource().name())
                .param("amount", amount)
                .param("valueDate", valueDate)
                .add();
        procurementByDay.add(event.lot().fundingSource().name(), valueDate, amount);
    }

    @EventHandler
    void on(DepositReversed event) {
        // The reversed lot was never bought: the books at every date show no cash spent on it.
        writes.sql("""
                        with reversed as (
                            delete from financing_procurement where lot_id = :lot
                            returning funding_source, value_date, amount_usd
                        )
                        update financing_procurement_day d set amount_usd = d.amount_usd - r.amount_usd
                        from reversed r
                        where d.funding_source = r.funding_source and d.value_date = r.value_date
                        """)
                .param("lot", event.lot().lotId().value())
                .update();
    }

    @EventHandler
    void on(CommitmentMade event, @Timestamp Instant recorded) {
        // The upfront fee is due when the commitment is made: its value date is the day it was recorded.
        manufacturerCash(event.commitmentId(), "UPFRONT_FEE", event.upfrontFee(), recorded.atZone(ZoneOffset.UTC).toLocalDate());
    }

    @EventHandler
    void on(StorageFeeCharged event) {
        manufacturerCash(event.commitmentId(), "STORAGE_FEE", event.amount(), event.to());
    }

    @EventHandler
    void on(CommitmentSettled event) {
        manufacturerCash(event.commitmentId(), "PROCEEDS", event.proceeds(), event.settledOn());
    }

    @ResetHandler
    void reset() {
        Projection.tablesOf(getClass()).forEach(table -> writes.sql("delete from " + table).update());
    }

    private void flow(UUID id, String facilityId, String kind, LocalDate valueDate, Usd amount, Usd interest,
                      Usd principal, TrackingToken token) {
        writes.insert("""
                        insert into financing_loan_flow (flow_id, facility_id, kind, value_date, amount_usd, interest_usd,
                            principal_usd, position)
                        values (:id, :facility, :kind, :valueDate, :amount, :interest, :principal, :position)
                        """)
                .param("id", id)
                .param("facility", facilityId)
                .param("kind", kind)
                .param("valueDate", valueDate)
                .param("amount", amount.value())
                .param("interest", interest.value())
                .param("principal", principal.value())
                // Orders flows of the same value date as they were recorded, as the facility applied them.
                .param("position", token.position().orElse(0))
                .add();
    }

    private void manufacturerCash(CommitmentId commitmentId, String kind, Usd amount, LocalDate valueDate) {
        if (!amount.isPositive()) {
            return;
        }
        writes.insert("""
                        insert into financing_manufacturer_cash (commitment_id, kind, amount_usd, value_date)
                        values (:id, :kind, :amount, :valueDate)
                        """)
                .param("id", commitmentId.value())
                .param("kind", kind)
                .param("amount", amount.value())
                .param("valueDate", valueDate)
                .add();
    }
}
