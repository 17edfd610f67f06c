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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The supply situation of one mineral: at most one disruption declared at a time, with the
 * entitlements frozen when it was declared.
 */
public class MineralSupply {

    @AggregateIdentifier
    private String aggregateId;
    private Mineral mineral;
    private DisruptionId activeDisruption;
    private BigDecimal ratio;
    private Map<CommitmentId, Tonnes> entitlements;

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
        if (activeDisruption != null) {
            throw new DomainRuleViolation("disruption-already-declared",
                    "a disruption of %s is already declared (%s)".formatted(mineral, activeDisruption));
        }
        Tonnes committed = commitments.stream().map(SupplyLedger.CommittedQuantity::quantity)
                .reduce(Tonnes.ZERO, Tonnes::plus);
        BigDecimal ratio = ActiveDisruption.ratio(stock, committed);
        List<Entitlement> entitlements = commitments.stream()
                .map(c -> new Entitlement(c.commitmentId(), share(c.quantity(), ratio)))
                .toList();
        apply(new DisruptionDeclared(mineral, disruptionId, reason, declaredOn, stock, committed,
                ratio.setScale(6, RoundingMode.DOWN), entitlements));
    }

    void end(DisruptionId disruptionId, LocalDate endedOn) {
        if (!disruptionId.equals(activeDisruption)) {
            throw new DomainRuleViolation("disruption-not-declared",
                    "disruption %s of %s is not in force".formatted(disruptionId, mineral));
        }
        apply(new DisruptionEnded(mineral, disruptionId, endedOn));
    }

    public Optional<ActiveDisruption> active() {
        return activeDisruption == null ? Optional.empty()
                : Optional.of(new ActiveDisruption(activeDisruption, ratio, Map.copyOf(entitlements)));
    }

    static Tonnes share(Tonnes quantity, BigDecimal ratio) {
        return Tonnes.of(quantity.value().multiply(ratio).setScale(Tonnes.SCALE, RoundingMode.DOWN));
    }

    @EventSourcingHandler
    void on(DisruptionDeclared event) {
        aggregateId = idOf(event.mineral());
        mineral = event.mineral();
        activeDisruption = event.disruptionId();
        ratio = event.ratio();
        entitlements = new LinkedHashMap<>();
        event.entitlements().forEach(e -> entitlements.put(e.commitmentId(), e.tonnes()));
    }

    @EventSourcingHandler
    void on(DisruptionEnded event) {
        activeDisruption = null;
        ratio = null;
        entitlements = null;
    }
}
