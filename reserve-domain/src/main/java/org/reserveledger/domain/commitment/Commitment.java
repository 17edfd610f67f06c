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
import org.reserveledger.domain.supply.DisruptionInForce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A manufacturer's offtake commitment. It guards that outstanding draws (drawn − replenished)
 * never exceed the committed quantity — or, on the days of a disruption, the entitlement frozen at
 * its declaration — that replenishments never exceed what is outstanding, that storage fees are
 * charged once per month, and that the buyback happens once, on or after the end date. Draws and
 * replenishments may be back-dated, so these limits hold on every business day from the dated
 * fact on, not only on the sum of all facts recorded so far.
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
    private List<Movement> movements;
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
     * Decides whether a draw may happen and on what terms, without recording it. {@code disruption}
     * is the one in force on {@code drawnOn}, if any: the draw is then an emergency draw, limited by
     * the commitment's entitlement through the disruption's last day and due for replenishment once
     * the disruption has ended. {@code declaredLater} are the disruptions declared after {@code drawnOn},
     * through which the draw stays outstanding until replenished.
     */
    DrawOutcome termsOfDraw(Tonnes drawn, LocalDate drawnOn, Optional<DisruptionInForce> disruption,
                            List<DisruptionInForce> declaredLater) {
        ensureActiveOn(drawnOn, "draw");
        if (!drawn.isPositive()) {
            throw new DomainRuleViolation("quantity-not-positive", "a draw's quantity must be positive");
        }
        if (disruption.isPresent()) {
            DisruptionInForce d = disruption.get();
            if (!d.entitles(commitmentId)) {
                throw new DomainRuleViolation("no-entitlement-during-disruption",
                        ("draw of %s on %s refused: commitment %s was made while disruption %s of %s (declared on %s) "
                                + "was in force, so its emergency entitlement under it is %s; it may draw on days "
                                + "after the disruption ends").formatted(drawn, drawnOn, commitmentId, d.disruptionId(),
                                mineral, d.declaredOn(), d.entitlementOf(commitmentId)));
            }
            Tonnes entitlement = d.entitlementOf(commitmentId);
            Peak peak = peakOutstanding(drawnOn, d.endedOn());
            if (peak.tonnes().plus(drawn).exceeds(entitlement)) {
                throw new DomainRuleViolation("draw-limit-exceeded",
                        "draw of %s would bring outstanding draws to %s on %s, above the emergency entitlement of %s of commitment %s"
                                .formatted(drawn, peak.tonnes().plus(drawn), peak.on(), entitlement, commitmentId));
            }
        }
        // A draw dated before a disruption, recorded once it was declared, is outstanding in it until replenished:
        // it may not take the commitment's outstanding draws there past the entitlement frozen at the declaration.
        for (DisruptionInForce later : declaredLater) {
            Tonnes entitlement = later.entitles(commitmentId) ? later.entitlementOf(commitmentId) : Tonnes.ZERO;
            Peak during = peakOutstanding(later.declaredOn(), later.endedOn());
            if (during.tonnes().plus(drawn).exceeds(entitlement)) {
                throw new DomainRuleViolation("draw-limit-exceeded",
                        ("draw of %s on %s would still be outstanding in disruption %s declared on %s, bringing "
                                + "outstanding draws to %s on %s, above the emergency entitlement of %s of commitment %s")
                                .formatted(drawn, drawnOn, later.disruptionId(), later.declaredOn(),
                                        during.tonnes().plus(drawn), during.on(), entitlement, commitmentId));
            }
        }
        Peak peak = peakOutstanding(drawnOn, null);
        if (peak.tonnes().plus(drawn).exceeds(quantity)) {
            throw new DomainRuleViolation("draw-limit-exceeded",
                    "draw of %s would bring outstanding draws to %s on %s, above the %s committed by commitment %s"
                            .formatted(drawn, peak.tonnes().plus(drawn), peak.on(), quantity, commitmentId));
        }
        if (disruption.isEmpty()) {
            return new DrawOutcome(false, drawnOn.plusDays(replenishWithinDays), List.of());
        }
        LocalDate endedOn = disruption.get().endedOn();
        return new DrawOutcome(true, endedOn == null ? null : endedOn.plusDays(replenishWithinDays), List.of());
    }

    void recordDraw(DrawId drawId, SiteId siteId, Tonnes drawn, LocalDate drawnOn, DrawOutcome terms,
                    Optional<DisruptionInForce> disruption, List<LotPortion> lots) {
        apply(new MaterialDrawn(commitmentId, drawId, siteId, mineral, drawn, drawnOn, terms.emergency(),
                disruption.map(DisruptionInForce::disruptionId).orElse(null), terms.replenishBy(), lots));
    }

    /**
     * Records material returned against the oldest open draws first, those drawn by its date before
     * any drawn later. It may not exceed what is outstanding on any day from its date on, or a later
     * replenishment would have returned more than was drawn.
     */
    void replenish(LotId lotId, SiteId siteId, Tonnes returned, LocalDate replenishedOn) {
        if (settledOn != null) {
            throw new DomainRuleViolation("commitment-settled", "commitment %s was settled on %s"
                    .formatted(commitmentId, settledOn));
        }
        if (!returned.isPositive()) {
            throw new DomainRuleViolation("quantity-not-positive", "a replenishment's quantity must be positive");
        }
        Low low = lowestOutstanding(replenishedOn);
        if (returned.value().compareTo(low.tonnes()) > 0) {
            throw new DomainRuleViolation("replenishment-exceeds-outstanding",
                    "replenishment of %s on %s exceeds the %s of outstanding draws of commitment %s on %s"
                            .formatted(returned, replenishedOn, Tonnes.of(low.tonnes().max(BigDecimal.ZERO)),
                                    commitmentId, low.on()));
        }
        List<OpenDraw> order = new ArrayList<>(openDraws);
        order.sort(Comparator.comparing((OpenDraw draw) -> draw.drawnOn().isAfter(replenishedOn))
                .thenComparing(OpenDraw::drawnOn));
        List<DrawReplenished.Allocation> allocations = new ArrayList<>();
        Tonnes left = returned;
        for (OpenDraw draw : order) {
            if (left.isZero()) {
                break;
            }
            Tonnes part = draw.remaining().min(left);
            allocations.add(new DrawReplenished.Allocation(draw.drawId(), part));
            left = left.minus(part);
        }
        apply(new DrawReplenished(commitmentId, lotId, siteId, returned, replenishedOn, allocations));
    }

    /**
     * The most outstanding on any day from {@code from} through {@code through} (null: ever after),
     * counting the draws and replenishments recorded so far by their dates.
     */
    private Peak peakOutstanding(LocalDate from, LocalDate through) {
        BigDecimal level = outstandingOn(from);
        Peak peak = new Peak(Tonnes.of(level.max(BigDecimal.ZERO)), from);
        for (Movement movement : movementsAfter(from)) {
            if (through != null && movement.on().isAfter(through)) {
                break;
            }
            level = level.add(movement.tonnes());
            if (level.compareTo(peak.tonnes().value()) > 0) {
                peak = new Peak(Tonnes.of(level), movement.on());
            }
        }
        return peak;
    }

    /** The least outstanding on any day from {@code from} on. */
    private Low lowestOutstanding(LocalDate from) {
        BigDecimal level = outstandingOn(from);
        Low low = new Low(level, from);
        for (Movement movement : movementsAfter(from)) {
            level = level.add(movement.tonnes());
            if (level.compareTo(low.tonnes()) < 0) {
                low = new Low(level, movement.on());
            }
        }
        return low;
    }

    private BigDecimal outstandingOn(LocalDate day) {
        return movements.stream().filter(m -> !m.on().isAfter(day)).map(Movement::tonnes)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<Movement> movementsAfter(LocalDate day) {
        return movements.stream().filter(m -> m.on().isAfter(day)).sorted(Comparator.comparing(Movement::on)).toList();
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
        movements = new ArrayList<>();
    }

    @EventSourcingHandler
    void on(MaterialDrawn event) {
        outstanding = outstanding.plus(event.quantity());
        openDraws.add(new OpenDraw(event.drawId(), event.drawnOn(), event.quantity()));
        movements.add(new Movement(event.drawnOn(), event.quantity().value()));
    }

    @EventSourcingHandler
    void on(DrawReplenished event) {
        outstanding = outstanding.minus(event.quantity());
        movements.add(new Movement(event.replenishedOn(), event.quantity().value().negate()));
        for (DrawReplenished.Allocation allocation : event.allocations()) {
            for (int i = 0; i < openDraws.size(); i++) {
                OpenDraw draw = openDraws.get(i);
                if (draw.drawId().equals(allocation.drawId())) {
                    Tonnes left = draw.remaining().minus(allocation.quantity());
                    if (left.isZero()) {
                        openDraws.remove(i);
                    } else {
                        openDraws.set(i, new OpenDraw(draw.drawId(), draw.drawnOn(), left));
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

    record OpenDraw(DrawId drawId, LocalDate drawnOn, Tonnes remaining) {
    }

    /** A change of the outstanding draws on a business day: a draw adds, a replenishment takes away. */
    record Movement(LocalDate on, BigDecimal tonnes) {
    }

    private record Peak(Tonnes tonnes, LocalDate on) {
    }

    /** May fall below zero only for a replenishment dated before the draws it returns. */
    private record Low(BigDecimal tonnes, LocalDate on) {
    }
}
