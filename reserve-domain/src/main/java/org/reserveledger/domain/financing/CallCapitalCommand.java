package org.reserveledger.domain.financing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.CapitalCallId;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

/**
 * Calls private capital. Answers the {@link CapitalCalled} event with its allocations.
 */
public record CallCapitalCommand(CapitalCallId capitalCallId, Usd amount, LocalDate dueDate) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PrivateCapital.ID;
    }
}
