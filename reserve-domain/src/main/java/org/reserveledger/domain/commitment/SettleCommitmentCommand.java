package org.reserveledger.domain.commitment;

import org.reserveledger.domain.shared.BusinessDated;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.SiteId;

import java.time.LocalDate;

/**
 * The end-of-term buyback. Answers the proceeds in USD.
 */
public record SettleCommitmentCommand(CommitmentId commitmentId, SiteId siteId, LocalDate settledOn)
        implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return settledOn;
    }

    @Override
    public String businessDateField() {
        return "settledOn";
    }
}
