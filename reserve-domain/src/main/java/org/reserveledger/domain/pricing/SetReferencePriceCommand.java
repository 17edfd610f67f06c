package org.reserveledger.domain.pricing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

/**
 * @param source the publication or decision the price was taken from
 */
public record SetReferencePriceCommand(Mineral mineral, Usd pricePerTonne, LocalDate effectiveFrom, String source) {

    /** The source recorded when a client does not name one. */
    public static final String SOURCE_NOT_STATED = "not stated";

    public SetReferencePriceCommand(Mineral mineral, Usd pricePerTonne, LocalDate effectiveFrom) {
        this(mineral, pricePerTonne, effectiveFrom, SOURCE_NOT_STATED);
    }

    @TargetAggregateIdentifier
    public String referencePriceId() {
        return ReferencePrice.idOf(mineral);
    }
}
