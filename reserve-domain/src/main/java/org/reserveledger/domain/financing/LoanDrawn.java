package org.reserveledger.domain.financing;

import org.reserveledger.domain.shared.DrawdownId;
import org.reserveledger.domain.shared.FacilityId;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

public record LoanDrawn(FacilityId facilityId, DrawdownId drawdownId, Usd amount, LocalDate valueDate, String purpose)
        implements FacilityEvent {
}
