package org.reserveledger.domain.financing;

import org.reserveledger.domain.shared.CapitalCallId;
import org.reserveledger.domain.shared.ContributionId;
import org.reserveledger.domain.shared.InvestorId;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

public record CapitalContributed(ContributionId contributionId, InvestorId investorId, CapitalCallId capitalCallId,
                                 Usd amount, LocalDate valueDate) implements PrivateCapitalEvent {
}
