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
 * (drawdowns are not revolving: a repayment does not make room for another drawdown), that no
 * drawdown is made after maturity, that flows come in value-date order, and that a repayment never
 * exceeds what is owed and settles accrued interest before principal.
 */
public class Facility {

    private static final BigDecimal MAX_RATE_PCT = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private String aggregateId;
    private FacilityId facilityId;
    private Usd limit;
    private LocalDate maturityDate;
    private Usd drawn;
    private InterestAccrual loan;

    protected Facility() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Facility(EstablishFacilityCommand command) {
        if (!command.limit().isPositive()) {
            throw new DomainRuleViolation("limit-not-positive", "a facility's limit must be positive");
        }
        BigDecimal rate = command.annualInterestRatePct();
        if (rate.signum() <= 0 || rate.compareTo(MAX_RATE_PCT) > 0) {
            throw new DomainRuleViolation("rate-out-of-range",
                    "a facility's annual interest rate must be above 0 %% and at most 100 %%, not %s %%"
                            .formatted(rate.toPlainString()));
        }
        apply(new FacilityEstablished(command.facilityId(), command.lender(), command.limit(), rate,
                command.dayCount(), command.maturityDate()));
    }

    /** Facilities share the event store's identifier space with sites, so theirs carry a prefix. */
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
        if (drawn.plus(command.amount()).exceeds(limit)) {
            throw new DomainRuleViolation("limit-exceeded",
                    "drawdown of %s exceeds the %s undrawn of facility %s (limit %s, drawn %s)"
                            .formatted(command.amount(), limit.minus(drawn), facilityId, limit, drawn));
        }
        apply(new LoanDrawn(facilityId, command.drawdownId(), command.amount(), command.valueDate(), command.purpose()));
    }

    @CommandHandler
    public LoanRepaid handle(RepayLoanCommand command) {
        ensureInOrder(command.valueDate());
        InterestAccrual due = loan.to(command.valueDate());
        if (command.amount().exceeds(due.owed())) {
            throw new DomainRuleViolation("repayment-exceeds-owed",
                    "repayment of %s exceeds the %s owed on facility %s on %s (principal %s, interest %s)"
                            .formatted(command.amount(), due.owed(), facilityId, command.valueDate(), due.principal(),
                                    due.interestDue()));
        }
        Usd interestPaid = command.amount().exceeds(due.interestDue()) ? due.interestDue() : command.amount();
        LoanRepaid repaid = new LoanRepaid(facilityId, command.repaymentId(), command.amount(), command.valueDate(),
                interestPaid, command.amount().minus(interestPaid));
        apply(repaid);
        return repaid;
    }

    private void ensureInOrder(LocalDate valueDate) {
        LocalDate lastFlow = loan.accruedTo();
        if (lastFlow != null && valueDate.isBefore(lastFlow)) {
            throw new DomainRuleViolation("value-date-out-of-order",
                    "facility %s has flows up to %s; a flow cannot be dated %s".formatted(facilityId, lastFlow, valueDate));
        }
    }

    @EventSourcingHandler
    void on(FacilityEstablished event) {
        aggregateId = idOf(event.facilityId());
        facilityId = event.facilityId();
        limit = event.limit();
        maturityDate = event.maturityDate();
        drawn = Usd.ZERO;
        loan = InterestAccrual.on(event.annualInterestRatePct(), event.dayCount());
    }

    @EventSourcingHandler
    void on(LoanDrawn event) {
        drawn = drawn.plus(event.amount());
        loan = loan.drawn(event.amount(), event.valueDate());
    }

    @EventSourcingHandler
    void on(LoanRepaid event) {
        loan = loan.repaid(event.interestPaid(), event.principalPaid(), event.valueDate());
    }
}
