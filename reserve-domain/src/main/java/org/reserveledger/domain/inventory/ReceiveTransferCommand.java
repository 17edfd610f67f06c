package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.TransferId;

public record ReceiveTransferCommand(TransferId transferId) {
}
