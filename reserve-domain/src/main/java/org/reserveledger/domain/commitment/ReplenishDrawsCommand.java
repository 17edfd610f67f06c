package org.reserveledger.domain.commitment;

import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.CountryCode;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;

import java.time.Instant;

/**
 * Returns material to the reserve against a commitment's outstanding draws: a deposit funded by
 * the manufacturer.
 */
public record ReplenishDrawsCommand(CommitmentId commitmentId, DepositId depositId, LotId lotId, SiteId siteId,
                                    Tonnes quantity, Usd unitCost, String supplier, CountryCode originCountry,
                                    Instant receivedAt) {
}
