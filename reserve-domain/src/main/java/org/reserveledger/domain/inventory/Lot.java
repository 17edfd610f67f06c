package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.CountryCode;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;

import java.time.Instant;
import java.util.Objects;

/**
 * Material of one receipt, or the part of it held in one place. Wherever a lot goes it keeps
 * its id, origin, supplier, unit cost, funding source and the time it was first received, so
 * that first-in-first-out and the reserve's origin exposure stay true after transfers.
 */
public record Lot(LotId lotId, Mineral mineral, String form, Tonnes quantity, Usd unitCostUsd, String supplier,
                  CountryCode originCountry, FundingSource fundingSource, Instant receivedAt) {

    public Lot {
        Objects.requireNonNull(lotId, "lotId");
        Objects.requireNonNull(mineral, "mineral");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitCostUsd, "unitCostUsd");
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(originCountry, "originCountry");
        Objects.requireNonNull(fundingSource, "fundingSource");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The same lot holding another quantity, as when part of it is withdrawn or moved. */
    public Lot withQuantity(Tonnes newQuantity) {
        return new Lot(lotId, mineral, form, newQuantity, unitCostUsd, supplier, originCountry, fundingSource, receivedAt);
    }

    /** What the lot cost: its quantity at its unit cost, to the cent. */
    public Usd value() {
        return unitCostUsd.times(quantity);
    }

    public LotPortion portion() {
        return new LotPortion(lotId, quantity);
    }
}
