package org.reserveledger.domain.commitment;

import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

/**
 * The end-of-term buyback: the manufacturer paid for the committed quantity and took what it had
 * not already drawn.
 */
public record CommitmentSettled(CommitmentId commitmentId, SiteId siteId, Tonnes delivered, Tonnes outstandingDraws,
                                Usd proceeds, LocalDate settledOn) implements CommitmentEvent {
}
