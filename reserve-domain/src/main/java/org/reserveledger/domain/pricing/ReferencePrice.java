package org.reserveledger.domain.pricing;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.Mineral;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The reference price of one mineral. Prices take effect in date order: a new price may not
 * take effect before the one it replaces.
 */
public class ReferencePrice {

    @AggregateIdentifier
    private String referencePriceId;
    private LocalDate effectiveFrom;

    protected ReferencePrice() {
        // for Axon's event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetReferencePriceCommand command) {
        if (!command.pricePerTonne().isPositive()) {
            throw new DomainRuleViolation("price-not-positive", "a reference price must be positive");
        }
        if (effectiveFrom != null && command.effectiveFrom().isBefore(effectiveFrom)) {
            throw new DomainRuleViolation("price-out-of-order",
                    "%s's price effective from %s cannot precede the current one, effective from %s"
                            .formatted(command.mineral(), command.effectiveFrom(), effectiveFrom));
        }
        apply(new ReferencePriceSet(command.mineral(), command.pricePerTonne(), command.effectiveFrom(),
                command.source() == null || command.source().isBlank() ? SetReferencePriceCommand.SOURCE_NOT_STATED
                        : command.source()));
    }

    /**
     * Aggregate identifiers share one namespace in the event store; the prefix keeps a mineral's
     * price apart from a site that happens to share its code.
     */
    public static String idOf(Mineral mineral) {
        return "reference-price:" + mineral.name();
    }

    @EventSourcingHandler
    void on(ReferencePriceSet event) {
        referencePriceId = idOf(event.mineral());
        effectiveFrom = event.effectiveFrom();
    }
}
