package org.reserveledger.domain.commitment;

import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.ManufacturerId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

/**
 * A manufacturer's commitment to buy back a quantity of a mineral at a fixed price at the end of
 * the term; the upfront fee is due when it is made.
 */
public record CommitmentMade(CommitmentId commitmentId, ManufacturerId manufacturerId, Mineral mineral,
                             Tonnes quantity, Usd pricePerTonne, LocalDate startDate, LocalDate endDate,
                             Usd upfrontFee, Usd storageFeePerTonneMonth, int replenishWithinDays)
        implements CommitmentEvent {
}
