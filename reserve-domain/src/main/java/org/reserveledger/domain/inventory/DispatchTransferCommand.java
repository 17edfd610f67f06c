package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.BusinessDated;
import org.reserveledger.domain.shared.BusinessDay;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.TransferId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Sends material from one site to another at its business instant {@code dispatchedAt}: the source gives
 * up its oldest lots held then and the destination reserves room, both or neither. Answers the
 * {@link LotPortion}s dispatched.
 */
public record DispatchTransferCommand(TransferId transferId, SiteId fromSiteId, SiteId toSiteId, Mineral mineral,
                                      Tonnes quantity, Instant dispatchedAt) implements BusinessDated {

    public DispatchTransferCommand {
        Objects.requireNonNull(dispatchedAt, "dispatchedAt");
    }

    @Override
    public LocalDate businessDate() {
        return BusinessDay.of(dispatchedAt);
    }

    @Override
    public String businessDateField() {
        return "dispatchedAt";
    }
}
