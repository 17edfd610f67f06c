package org.reserveledger.domain.financing;

import org.reserveledger.domain.shared.FacilityId;
import org.reserveledger.domain.shared.RepaymentId;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

/**
 * A repayment, split into the accrued interest it settled first and the principal it repaid.
 */
public record LoanRepaid(FacilityId facilityId, RepaymentId repaymentId, Usd amount, LocalDate valueDate,
                         Usd interestPaid, Usd principalPaid) implements FacilityEvent {
}
