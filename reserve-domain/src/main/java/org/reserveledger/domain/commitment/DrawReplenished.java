package org.reserveledger.domain.commitment;

import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.DrawId;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;

import java.time.LocalDate;
import java.util.List;

/**
 * Material a manufacturer returned to the reserve; it settles its oldest open draws first, as
 * {@code allocations} records.
 */
public record DrawReplenished(CommitmentId commitmentId, LotId lotId, SiteId siteId, Tonnes quantity,
                              LocalDate replenishedOn, List<Allocation> allocations) implements CommitmentEvent {

    public DrawReplenished {
        allocations = List.copyOf(allocations);
    }

    public record Allocation(DrawId drawId, Tonnes quantity) {
    }
}
