package org.reserveledger.domain.pricing;

import org.axonframework.serialization.Revision;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

/**
 * The price per tonne at which governance values a mineral's stock from a date on.
 * <p>
 * Revision 2 added {@code source}, where the price was taken from: collateral coverage of the
 * public loan is computed from these prices, so auditors ask. Events of the first shape are read
 * with {@link #SOURCE_NOT_RECORDED} by an upcaster.
 *
 * @param source the publication or decision the price was taken from
 */
@Revision("2")
public record ReferencePriceSet(Mineral mineral, Usd pricePerTonne, LocalDate effectiveFrom, String source) {

    /** The source of a price set before sources were recorded. */
    public static final String SOURCE_NOT_RECORDED = "not recorded";

    public ReferencePriceSet {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a reference price names its source");
        }
    }
}
