package org.reserveledger.domain.financing;

public sealed interface PrivateCapitalEvent permits InvestorAdmitted, CapitalCalled, CapitalContributed {
}
