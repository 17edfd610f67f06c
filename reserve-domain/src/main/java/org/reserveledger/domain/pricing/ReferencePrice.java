package org.reserveledger.domain.pricing;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.Mineral;


import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The reference prices of one mineral, each in force from its effective date until the next one's. Prices
 * may be set for any date, in any order; setting a date again corrects that date's price, as an event of its
 * own, and the earlier event stays in the stream.
 */
public class ReferencePrice {

    @AggregateIdentifier
    private String referencePriceId;

    protected ReferencePrice() {
        // for Axon's event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetReferencePriceCommand command) {
        if (!command.pricePerTonne().isPositive()) {
            throw new DomainRuleViolation("price-not-positive", "a reference price must be positive");
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
    }
}
