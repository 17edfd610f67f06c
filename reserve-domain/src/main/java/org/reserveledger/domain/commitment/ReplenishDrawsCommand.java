package org.reserveledger.domain.commitment;

import org.reserveledger.domain.shared.BusinessDated;
import org.reserveledger.domain.shared.BusinessDay;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.CountryCode;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Returns material to the reserve against a commitment's outstanding draws: a deposit funded by
 * the manufacturer. {@code replenishedOn} is its day of the books; {@code receivedAt}, the returned
 * lot's receipt, falls on that day.
 */
public record ReplenishDrawsCommand(CommitmentId commitmentId, DepositId depositId, LotId lotId, SiteId siteId,
                                    Tonnes quantity, Usd unitCost, String supplier, CountryCode originCountry,
                                    LocalDate replenishedOn, Instant receivedAt) implements BusinessDated {

    public ReplenishDrawsCommand {
        Objects.requireNonNull(replenishedOn, "replenishedOn");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (!BusinessDay.of(receivedAt).equals(replenishedOn)) {
            throw new IllegalArgumentException("the lot of a replenishment on %s cannot be received at %s"
                    .formatted(replenishedOn, receivedAt));
        }
    }

    /** A replenishment whose lot was received at a known instant, dated on that instant's day. */
    public ReplenishDrawsCommand(CommitmentId commitmentId, DepositId depositId, LotId lotId, SiteId siteId,
                                 Tonnes quantity, Usd unitCost, String supplier, CountryCode originCountry,
                                 Instant receivedAt) {
        this(commitmentId, depositId, lotId, siteId, quantity, unitCost, supplier, originCountry,
                BusinessDay.of(receivedAt), receivedAt);
    }

    @Override
    public LocalDate businessDate() {
        return replenishedOn;
    }

    @Override
    public String businessDateField() {
        return "replenishedOn";
    }
}
