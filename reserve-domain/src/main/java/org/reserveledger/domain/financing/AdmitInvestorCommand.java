package org.reserveledger.domain.financing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.InvestorId;
import org.reserveledger.domain.shared.Usd;

public record AdmitInvestorCommand(InvestorId investorId, String name, Usd commitment) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PrivateCapital.ID;
    }
}
