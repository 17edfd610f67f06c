package org.reserveledger.domain.financing;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.FacilityId;
import org.reserveledger.domain.shared.Usd;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A loan facility such as the EXIM loan. It guards that drawn principal never exceeds the limit
 * (drawdowns are not revolving), that no drawdown is made after maturity, that flows come in
 * value-date order, and that a repayment never exceeds what is owed and settles interest first.
 */
public class Facility {

    @AggregateIdentifier
    private String aggregateId;
    private FacilityId facilityId;
    private Usd limit;
    private BigDecimal ratePct;
    private DayCount dayCount;
    private LocalDate maturityDate;
    private Usd drawn;
    private BigDecimal principal;
    private BigDecimal accruedInterest;
    private LocalDate lastFlowDate;

    protected Facility() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Facility(EstablishFacilityCommand command) {
        if (!command.limit().isPositive()) {
            throw new DomainRuleViolation("limit-not-positive", "a facility's limit must be positive");
        }
        apply(new FacilityEstablished(command.facilityId(), command.lender(), command.limit(),
                command.annualInterestRatePct(), command.dayCount(), command.maturityDate()));
    }

    public static String idOf(FacilityId facilityId) {
        return "facility:" + facilityId.value();
    }

    @CommandHandler
    public void handle(DrawLoanCommand command) {
        ensureInOrder(command.valueDate());
        if (command.valueDate().isAfter(maturityDate)) {
            throw new DomainRuleViolation("facility-matured", "facility %s matured on %s; no drawdown on %s"
                    .formatted(facilityId, maturityDate, command.valueDate()));
        }
        Usd undrawn = limit.minus(drawn);
        if (command.amount().exceeds(undrawn)) {
            throw new DomainRuleViolation("limit-exceeded",
                    "drawdown of %s exceeds the %s undrawn of facility %s (limit %s, drawn %s)"
                            .formatted(command.amount(), undrawn, facilityId, limit, drawn));
        }
        apply(new LoanDrawn(facilityId, command.drawdownId(), command.amount(), command.valueDate(), command.purpose()));
    }

    @CommandHandler
    public LoanRepaid handle(RepayLoanCommand command) {
        ensureInOrder(command.valueDate());
        BigDecimal interest = accruedInterest.add(InterestAccrual.between(principal, ratePct, dayCount, lastFlowDate,
                command.valueDate()));
        Usd interestDue = Usd.rounded(interest);
        Usd owed = interestDue.plus(Usd.rounded(principal));
        if (command.amount().exceeds(owed)) {
            throw new DomainRuleViolation("repayment-exceeds-owed",
                    "repayment of %s exceeds the %s owed on facility %s on %s (%s principal, %s interest)"
                            .formatted(command.amount(), owed, facilityId, command.valueDate(), Usd.rounded(principal),
                                    interestDue));
        }
        Usd interestPaid = command.amount().exceeds(interestDue) ? interestDue : command.amount();
        LoanRepaid repaid = new LoanRepaid(facilityId, command.repaymentId(), command.amount(), command.valueDate(),
                interestPaid, command.amount().minus(interestPaid));
        apply(repaid);
        return repaid;
    }

    private void ensureInOrder(LocalDate valueDate) {
        if (lastFlowDate != null && valueDate.isBefore(lastFlowDate)) {
            throw new DomainRuleViolation("value-date-out-of-order",
                    "facility %s has flows up to %s; a flow cannot be dated %s"
                            .formatted(facilityId, lastFlowDate, valueDate));
        }
    }

    private void accrueTo(LocalDate date) {
        if (lastFlowDate != null) {
            accruedInterest = accruedInterest.add(InterestAccrual.between(principal, ratePct, dayCount, lastFlowDate, date));
        }
        lastFlowDate = date;
    }

    @EventSourcingHandler
    void on(FacilityEstablished event) {
        aggregateId = idOf(event.facilityId());
        facilityId = event.facilityId();
        limit = event.limit();
        ratePct = event.annualInterestRatePct();
        dayCount = event.dayCount();
        maturityDate = event.maturityDate();
        drawn = Usd.ZERO;
        principal = BigDecimal.ZERO;
        accruedInterest = BigDecimal.ZERO;
    }

    @EventSourcingHandler
    void on(LoanDrawn event) {
        accrueTo(event.valueDate());
        drawn = drawn.plus(event.amount());
        principal = principal.add(event.amount().value());
    }

    @EventSourcingHandler
    void on(LoanRepaid event) {
        accrueTo(event.valueDate());
        accruedInterest = accruedInterest.subtract(event.interestPaid().value()).max(BigDecimal.ZERO);
        principal = principal.subtract(event.principalPaid().value());
    }
}
