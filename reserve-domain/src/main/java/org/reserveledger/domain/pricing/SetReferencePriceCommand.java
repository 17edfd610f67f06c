package org.reserveledger.domain.pricing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.BusinessDated;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

/**
 * Sets a mineral's reference price from {@code effectiveFrom} on; the same mineral and date again corrects
 * that entry.
 *
 * @param source the publication or decision the price was taken from
 */
public record SetReferencePriceCommand(Mineral mineral, Usd pricePerTonne, LocalDate effectiveFrom, String source)
        implements BusinessDated {

    /** The source recorded when a client does not name one. */
    public static final String SOURCE_NOT_STATED = "not stated";

    public SetReferencePriceCommand(Mineral mineral, Usd pricePerTonne, LocalDate effectiveFrom) {
        this(mineral, pricePerTonne, effectiveFrom, SOURCE_NOT_STATED);
    }

    @Override
    public LocalDate businessDate() {
        return effectiveFrom;
    }

    @Override
    public String businessDateField() {
        return "effectiveFrom";
    }

    /** A price may be set ahead of the day it takes effect; until then it values nothing. */
    @Override
    public boolean mayLieAhead() {
        return true;
    }

    @TargetAggregateIdentifier
    public String referencePriceId() {
        return ReferencePrice.idOf(mineral);
    }
}
