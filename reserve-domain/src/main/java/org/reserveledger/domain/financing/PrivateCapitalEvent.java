package org.reserveledger.domain.financing;

/**
 * Everything that happens to the reserve's private capital: investors, calls and contributions.
 */
public sealed interface PrivateCapitalEvent permits InvestorAdmitted, CapitalCalled, CapitalContributed {
}
