package org.reserveledger.domain.commitment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.reserveledger.domain.inventory.LotPortion;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.DrawId;
import org.reserveledger.domain.shared.LedgerBounds;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;
import org.reserveledger.domain.supply.ActiveDisruption;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A manufacturer's offtake commitment. It guards that outstanding draws (drawn − replenished)
 * never exceed the committed quantity — or, during a disruption, the entitlement frozen at its
 * declaration — that replenishments never exceed what is outstanding, that storage fees are
 * charged once per month, and that the buyback happens once, on or after the end date.
 */
public class Commitment {

    @AggregateIdentifier
    private CommitmentId commitmentId;
    private Mineral mineral;
    private Tonnes quantity;
    private Usd pricePerTonne;
    private LocalDate startDate;
    private LocalDate endDate;
    private Usd storageFeePerTonneMonth;
    private int replenishWithinDays;
    private Tonnes outstanding;
    private List<OpenDraw> openDraws;
    private YearMonth lastChargedMonth;
    private LocalDate settledOn;

    protected Commitment() {
        // for Axon's event sourcing
    }

    Commitment(MakeCommitmentCommand command) {
        if (!command.quantity().isPositive()) {
            throw new DomainRuleViolation("quantity-not-positive", "a commitment's quantity must be positive");
        }
        if (!command.endDate().isAfter(command.startDate())) {
            throw new DomainRuleViolation("term-invalid", "a commitment must end after it starts: %s to %s"
                    .formatted(command.startDate(), command.endDate()));
        }
        if (command.replenishWithinDays() < 0) {
            throw new DomainRuleViolation("replenish-days-negative", "replenishWithinDays must not be negative");
        }
        LedgerBounds.requireTerm("endDate", command.startDate(), command.endDate());
        LedgerBounds.requireAmount("pricePerTonneUsd", "the commitment's value (quantityTonnes × pricePerTonneUsd)",
                command.pricePerTonne().value().multiply(command.quantity().value()));
        LedgerBounds.requireAmount("storageFeePerTonneMonthUsd",
                "a month's storage fee (quantityTonnes × storageFeePerTonneMonthUsd)",
                command.storageFeePerTonneMonth().value().multiply(command.quantity().value()));
        apply(new CommitmentMade(command.commitmentId(), command.manufacturerId(), command.mineral(),
                command.quantity(), command.pricePerTonne(), command.startDate(), command.endDate(),
                command.upfrontFee(), command.storageFeePerTonneMonth(), command.replenishWithinDays()));
    }

    public Mineral mineral() {
        return mineral;
    }

    /**
     * Decides whether a draw may happen and on what terms, without recording it.
     */
    DrawOutcome termsOfDraw(Tonnes drawn, LocalDate drawnOn, Optional<ActiveDisruption> disruption) {
        ensureActiveOn(drawnOn, "draw");
        if (!drawn.isPositive()) {
            throw new DomainRuleViolation("quantity-not-positive", "a draw's quantity must be positive");
        }
        Tonnes limit = disruption.map(d -> d.entitlementOf(commitmentId, quantity)).orElse(quantity);
        Tonnes after = outstanding.plus(drawn);
        if (after.exceeds(limit)) {
            throw new DomainRuleViolation("draw-limit-exceeded", disruption.isPresent()
                    ? "draw of %s would bring outstanding draws to %s, above the emergency entitlement of %s of commitment %s"
                    .formatted(drawn, after, limit, commitmentId)
                    : "draw of %s would bring outstanding draws to %s, above the %s committed by commitment %s"
                    .formatted(drawn, after, limit, commitmentId));
        }
        return new DrawOutcome(disruption.isPresent(),
                disruption.isPresent() ? null : drawnOn.plusDays(replenishWithinDays), List.of());
    }

    void recordDraw(DrawId drawId, SiteId siteId, Tonnes drawn, LocalDate drawnOn, DrawOutcome terms,
                    Optional<ActiveDisruption> disruption, List<LotPortion> lots) {
        apply(new MaterialDrawn(commitmentId, drawId, siteId, mineral, drawn, drawnOn, terms.emergency(),
                disruption.map(ActiveDisruption::disruptionId).orElse(null), terms.replenishBy(), lots));
    }

    /** Records material returned against the oldest open draws first. */
    void replenish(LotId lotId, SiteId siteId, Tonnes returned, LocalDate replenishedOn) {
        if (settledOn != null) {
            throw new DomainRuleViolation("commitment-settled", "commitment %s was settled on %s"
                    .formatted(commitmentId, settledOn));
        }
        if (!returned.isPositive()) {
            throw new DomainRuleViolation("quantity-not-positive", "a replenishment's quantity must be positive");
        }
        if (returned.exceeds(outstanding)) {
            throw new DomainRuleViolation("replenishment-exceeds-outstanding",
                    "replenishment of %s exceeds the %s of outstanding draws of commitment %s"
                            .formatted(returned, outstanding, commitmentId));
        }
        List<DrawReplenished.Allocation> allocations = new ArrayList<>();
        Tonnes left = returned;
        for (OpenDraw draw : openDraws) {
            if (left.isZero()) {
                break;
            }
            Tonnes part = draw.remaining().min(left);
            allocations.add(new DrawReplenished.Allocation(draw.drawId(), part));
            left = left.minus(part);
        }
        apply(new DrawReplenished(commitmentId, lotId, siteId, returned, replenishedOn, allocations));
    }

    @CommandHandler
    public int handle(ChargeStorageFeesCommand command) {
        return chargeMonthsEndingBy(command.through());
    }

    /**
     * The buyback: charges storage to the settlement date, then records the delivery of what the
     * manufacturer has not already drawn. Answers the quantity to deliver from the site.
     */
    Tonnes settle(LocalDate on) {
        if (settledOn != null) {
            throw new DomainRuleViolation("commitment-settled", "commitment %s was already settled on %s"
                    .formatted(commitmentId, settledOn));
        }
        if (on.isBefore(endDate)) {
            throw new DomainRuleViolation("commitment-not-ended", "commitment %s ends on %s; it cannot be settled on %s"
                    .formatted(commitmentId, endDate, on));
        }
        chargeMonthsEndingBy(on);
        chargePartialMonthTo(on);
        return quantity.minus(outstanding);
    }

    Usd proceeds() {
        return pricePerTonne.times(quantity);
    }

    void recordSettlement(SiteId siteId, Tonnes delivered, LocalDate on) {
        apply(new CommitmentSettled(commitmentId, siteId, delivered, outstanding, pricePerTonne.times(quantity), on));
    }

    private int chargeMonthsEndingBy(LocalDate through) {
        if (settledOn != null) {
            return 0;
        }
        int charged = 0;
        YearMonth month = lastChargedMonth == null ? YearMonth.from(startDate) : lastChargedMonth.plusMonths(1);
        while (!month.atEndOfMonth().isAfter(through)) {
            chargeMonth(month, month.atEndOfMonth());
            charged++;
            month = month.plusMonths(1);
        }
        return charged;
    }

    private void chargePartialMonthTo(LocalDate on) {
        YearMonth month = YearMonth.from(on);
        boolean alreadyCharged = lastChargedMonth != null && !lastChargedMonth.isBefore(month);
        if (!alreadyCharged && !on.isBefore(startDate)) {
            chargeMonth(month, on);
        }
    }

    /** Quantity × monthly fee × the share of the month's days within the term, to the cent. */
    private void chargeMonth(YearMonth month, LocalDate to) {
        LocalDate from = startDate.isAfter(month.atDay(1)) ? startDate : month.atDay(1);
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        BigDecimal exact = storageFeePerTonneMonth.value().multiply(quantity.value())
                .multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(month.lengthOfMonth()), 10, java.math.RoundingMode.HALF_EVEN);
        // Commitments are made within the bounds; this keeps one recorded before them from charging past them.
        LedgerBounds.requireAmount("storageFeePerTonneMonthUsd", "the storage fee of " + month, exact);
        apply(new StorageFeeCharged(commitmentId, month, from, to, days, Usd.rounded(exact)));
    }

    private void ensureActiveOn(LocalDate date, String operation) {
        if (settledOn != null) {
            throw new DomainRuleViolation("commitment-not-active", "commitment %s was settled on %s; no %s is possible"
                    .formatted(commitmentId, settledOn, operation));
        }
        if (date.isBefore(startDate) || date.isAfter(endDate)) {
            throw new DomainRuleViolation("commitment-not-active", "commitment %s runs from %s to %s; no %s on %s"
                    .formatted(commitmentId, startDate, endDate, operation, date));
        }
    }

    @EventSourcingHandler
    void on(CommitmentMade event) {
        commitmentId = event.commitmentId();
        mineral = event.mineral();
        quantity = event.quantity();
        pricePerTonne = event.pricePerTonne();
        startDate = event.startDate();
        endDate = event.endDate();
        storageFeePerTonneMonth = event.storageFeePerTonneMonth();
        replenishWithinDays = event.replenishWithinDays();
        outstanding = Tonnes.ZERO;
        openDraws = new ArrayList<>();
    }

    @EventSourcingHandler
    void on(MaterialDrawn event) {
        outstanding = outstanding.plus(event.quantity());
        openDraws.add(new OpenDraw(event.drawId(), event.quantity()));
    }

    @EventSourcingHandler
    void on(DrawReplenished event) {
        outstanding = outstanding.minus(event.quantity());
        for (DrawReplenished.Allocation allocation : event.allocations()) {
            for (int i = 0; i < openDraws.size(); i++) {
                OpenDraw draw = openDraws.get(i);
                if (draw.drawId().equals(allocation.drawId())) {
                    Tonnes left = draw.remaining().minus(allocation.quantity());
                    if (left.isZero()) {
                        openDraws.remove(i);
                    } else {
                        openDraws.set(i, new OpenDraw(draw.drawId(), left));
                    }
                    break;
                }
            }
        }
    }

    @EventSourcingHandler
    void on(StorageFeeCharged event) {
        lastChargedMonth = event.month();
    }

    @EventSourcingHandler
    void on(CommitmentSettled event) {
        settledOn = event.settledOn();
    }

    record OpenDraw(DrawId drawId, Tonnes remaining) {
    }
}
