package org.reserveledger.domain.commitment;

import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.ManufacturerId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

public record MakeCommitmentCommand(CommitmentId commitmentId, ManufacturerId manufacturerId, Mineral mineral,
                                    Tonnes quantity, Usd pricePerTonne, LocalDate startDate, LocalDate endDate,
                                    Usd upfrontFee, Usd storageFeePerTonneMonth, int replenishWithinDays) {
}
