package org.reserveledger.domain.financing;

import org.reserveledger.domain.shared.InvestorId;
import org.reserveledger.domain.shared.Usd;

public record InvestorAdmitted(InvestorId investorId, String name, Usd commitment) implements PrivateCapitalEvent {
}
