package org.reserveledger.domain.commitment;

import org.reserveledger.domain.inventory.LotPortion;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.DisruptionId;
import org.reserveledger.domain.shared.DrawId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;

import java.time.LocalDate;
import java.util.List;

/**
 * Material a manufacturer drew against its commitment. An emergency draw, made during a declared
 * disruption, has no replenish-by date until the disruption ends.
 */
public record MaterialDrawn(CommitmentId commitmentId, DrawId drawId, SiteId siteId, Mineral mineral,
                            Tonnes quantity, LocalDate drawnOn, boolean emergency, DisruptionId disruptionId,
                            LocalDate replenishBy, List<LotPortion> lots) implements CommitmentEvent {

    public MaterialDrawn {
        lots = List.copyOf(lots);
    }
}
