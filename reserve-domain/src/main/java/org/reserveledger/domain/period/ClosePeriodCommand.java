package org.reserveledger.domain.period;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Closes the books through a day: from then on no command dated on or before it changes them.
 */
public record ClosePeriodCommand(LocalDate through) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Books.ID;
    }
}
