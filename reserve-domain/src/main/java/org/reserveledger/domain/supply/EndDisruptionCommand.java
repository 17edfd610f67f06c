package org.reserveledger.domain.supply;

import org.reserveledger.domain.shared.DisruptionId;

import java.time.LocalDate;

public record EndDisruptionCommand(DisruptionId disruptionId, LocalDate endedOn) {
}
