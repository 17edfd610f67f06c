package org.reserveledger.domain.commitment;

import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The storage fee of one month (or the part of it within the term), charged once per commitment.
 */
public record StorageFeeCharged(CommitmentId commitmentId, YearMonth month, LocalDate from, LocalDate to,
                                int days, Usd amount) implements CommitmentEvent {
}
