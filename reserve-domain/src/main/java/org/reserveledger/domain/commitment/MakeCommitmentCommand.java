package org.reserveledger.domain.commitment;

import org.reserveledger.domain.shared.BusinessDated;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.ManufacturerId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

public record MakeCommitmentCommand(CommitmentId commitmentId, ManufacturerId manufacturerId, Mineral mineral,
                                    Tonnes quantity, Usd pricePerTonne, LocalDate startDate, LocalDate endDate,
                                    Usd upfrontFee, Usd storageFeePerTonneMonth, int replenishWithinDays)
        implements BusinessDated {

    /** A commitment changes the books from its start: what is committed, and the storage fees it runs up. */
    @Override
    public LocalDate businessDate() {
        return startDate;
    }

    @Override
    public String businessDateField() {
        return "startDate";
    }

    /** A commitment may be signed ahead of its term. */
    @Override
    public boolean mayLieAhead() {
        return true;
    }
}
