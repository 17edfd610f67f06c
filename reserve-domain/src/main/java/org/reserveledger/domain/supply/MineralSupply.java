package org.reserveledger.domain.supply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.DisruptionId;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Tonnes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The supply situation of one mineral: at most one disruption declared at a time, each with the
 * entitlements frozen when it was declared. It keeps every disruption it has known, with its dates,
 * because a draw is judged by the disruption in force on the day it is dated, not by today's.
 */
public class MineralSupply {

    @AggregateIdentifier
    private String aggregateId;
    private Mineral mineral;
    /** Oldest first; only the last may still be in force without an end. */
    private final List<DisruptionInForce> disruptions = new ArrayList<>();

    public MineralSupply() {
        // for Axon's event sourcing and for the first declaration of a mineral
    }

    public static String idOf(Mineral mineral) {
        return "supply:" + mineral.name();
    }

    /**
     * Freezes each active commitment's entitlement at quantity × min(1, stock ÷ committed),
     * rounded down to the kilogram so entitlements never add up to more than the stock.
     */
    void declare(DisruptionId disruptionId, Mineral mineral, String reason, LocalDate declaredOn, Tonnes stock,
                 List<SupplyLedger.CommittedQuantity> commitments) {
        Optional<DisruptionInForce> current = current();
        if (current.isPresent()) {
            throw new DomainRuleViolation("disruption-already-declared",
                    "a disruption of %s is already declared (%s)".formatted(mineral, current.get().disruptionId()));
        }
        Optional<DisruptionInForce> last = disruptions.isEmpty() ? Optional.empty() : Optional.of(disruptions.getLast());
        if (last.isPresent() && declaredOn.isBefore(last.get().endedOn())) {
            throw new DomainRuleViolation("disruptions-overlap",
                    "a disruption of %s declared on %s would overlap disruption %s, which ran from %s to %s"
                            .formatted(mineral, declaredOn, last.get().disruptionId(), last.get().declaredOn(),
                                    last.get().endedOn()));
        }
        Tonnes committed = commitments.stream().map(SupplyLedger.CommittedQuantity::quantity)
                .reduce(Tonnes.ZERO, Tonnes::plus);
        BigDecimal ratio = DisruptionInForce.ratio(stock, committed);
        List<Entitlement> entitlements = commitments.stream()
                .map(c -> new Entitlement(c.commitmentId(), share(c.quantity(), ratio)))
                .toList();
        apply(new DisruptionDeclared(mineral, disruptionId, reason, declaredOn, stock, committed,
                ratio.setScale(6, RoundingMode.DOWN), entitlements));
    }

    void end(DisruptionId disruptionId, LocalDate endedOn) {
        DisruptionInForce current = current().filter(d -> d.disruptionId().equals(disruptionId))
                .orElseThrow(() -> new DomainRuleViolation("disruption-not-declared",
                        "disruption %s of %s is not in force".formatted(disruptionId, mineral)));
        if (endedOn.isBefore(current.declaredOn())) {
            throw new DomainRuleViolation("disruption-end-before-declaration",
                    "disruption %s of %s was declared on %s; it cannot end on %s"
                            .formatted(disruptionId, mineral, current.declaredOn(), endedOn));
        }
        apply(new DisruptionEnded(mineral, disruptionId, endedOn));
    }

    /** The disruption declared and not yet ended, whatever the day. */
    public Optional<DisruptionInForce> current() {
        return disruptions.isEmpty() || disruptions.getLast().endedOn() != null ? Optional.empty()
                : Optional.of(disruptions.getLast());
    }

    /**
     * The disruption in force on a day. Where one ended on the day the next was declared, the later
     * one governs that day: it was declared on the books as they stood after the end.
     */
    public Optional<DisruptionInForce> inForceOn(LocalDate day) {
        for (DisruptionInForce disruption : disruptions.reversed()) {
            if (disruption.inForceOn(day)) {
                return Optional.of(disruption);
            }
        }
        return Optional.empty();
    }

    /** The disruptions declared after a day: what is drawn that day and not replenished is outstanding in them. */
    public List<DisruptionInForce> declaredAfter(LocalDate day) {
        return disruptions.stream().filter(disruption -> disruption.declaredOn().isAfter(day)).toList();
    }

    static Tonnes share(Tonnes quantity, BigDecimal ratio) {
        return Tonnes.of(quantity.value().multiply(ratio).setScale(Tonnes.SCALE, RoundingMode.DOWN));
    }

    @EventSourcingHandler
    void on(DisruptionDeclared event) {
        aggregateId = idOf(event.mineral());
        mineral = event.mineral();
        Map<CommitmentId, Tonnes> entitlements = new LinkedHashMap<>();
        event.entitlements().forEach(e -> entitlements.put(e.commitmentId(), e.tonnes()));
        disruptions.add(new DisruptionInForce(event.disruptionId(), event.declaredOn(), null, entitlements));
    }

    @EventSourcingHandler
    void on(DisruptionEnded event) {
        for (int i = 0; i < disruptions.size(); i++) {
            DisruptionInForce disruption = disruptions.get(i);
            if (disruption.disruptionId().equals(event.disruptionId())) {
                disruptions.set(i, new DisruptionInForce(disruption.disruptionId(), disruption.declaredOn(),
                        event.endedOn(), disruption.entitlements()));
            }
        }
    }
}
