package org.reserveledger.domain.financing;

import org.reserveledger.domain.shared.FacilityId;

public sealed interface FacilityEvent permits FacilityEstablished, LoanDrawn, LoanRepaid {

    FacilityId facilityId();
}
