package org.reserveledger.domain.financing;

import org.reserveledger.domain.shared.CapitalCallId;
import org.reserveledger.domain.shared.InvestorId;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;
import java.util.List;

/**
 * A call of private capital, allocated pro-rata to each investor's uncalled commitment.
 */
public record CapitalCalled(CapitalCallId capitalCallId, Usd amount, LocalDate dueDate, List<Allocation> allocations)
        implements PrivateCapitalEvent {

    public CapitalCalled {
        allocations = List.copyOf(allocations);
    }

    public record Allocation(InvestorId investorId, Usd amount) {
    }
}
