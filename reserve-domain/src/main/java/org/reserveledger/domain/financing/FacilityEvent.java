package org.reserveledger.domain.financing;

import org.reserveledger.domain.shared.FacilityId;

/**
 * Everything that happens to a loan facility: its terms, drawdowns and repayments.
 */
public sealed interface FacilityEvent permits FacilityEstablished, LoanDrawn, LoanRepaid {

    FacilityId facilityId();
}
