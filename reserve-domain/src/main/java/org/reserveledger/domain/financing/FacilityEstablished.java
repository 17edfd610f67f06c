package org.reserveledger.domain.financing;

import org.reserveledger.domain.shared.FacilityId;
import org.reserveledger.domain.shared.Usd;

import java.math.BigDecimal;
import java.time.LocalDate;

public record FacilityEstablished(FacilityId facilityId, String lender, Usd limit, BigDecimal annualInterestRatePct,
                                  DayCount dayCount, LocalDate maturityDate) implements FacilityEvent {
}
