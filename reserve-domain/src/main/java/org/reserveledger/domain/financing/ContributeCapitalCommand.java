package org.reserveledger.domain.financing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.BusinessDated;
import org.reserveledger.domain.shared.CapitalCallId;
import org.reserveledger.domain.shared.ContributionId;
import org.reserveledger.domain.shared.InvestorId;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

public record ContributeCapitalCommand(ContributionId contributionId, InvestorId investorId, CapitalCallId capitalCallId,
                                       Usd amount, LocalDate valueDate) implements BusinessDated {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PrivateCapital.ID;
    }

    @Override
    public LocalDate businessDate() {
        return valueDate;
    }

    @Override
    public String businessDateField() {
        return "valueDate";
    }
}
