package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.BusinessDated;
import org.reserveledger.domain.shared.BusinessDay;
import org.reserveledger.domain.shared.TransferId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** Records that material in transit arrived at its destination at the business instant {@code receivedAt}. */
public record ReceiveTransferCommand(TransferId transferId, Instant receivedAt) implements BusinessDated {

    public ReceiveTransferCommand {
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public LocalDate businessDate() {
        return BusinessDay.of(receivedAt);
    }

    @Override
    public String businessDateField() {
        return "receivedAt";
    }
}
