package org.reserveledger.domain.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.CommitmentId;

import java.time.LocalDate;

/**
 * Charges every month that ended on or before {@code through} and is not yet charged. Answers
 * how many months it charged; sending it again charges nothing twice.
 */
public record ChargeStorageFeesCommand(@TargetAggregateIdentifier CommitmentId commitmentId, LocalDate through) {
}
