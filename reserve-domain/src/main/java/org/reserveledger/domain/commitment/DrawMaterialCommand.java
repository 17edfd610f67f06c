package org.reserveledger.domain.commitment;

import org.reserveledger.domain.shared.BusinessDated;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.DrawId;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;

import java.time.LocalDate;

/**
 * Draws material from a site against a commitment. Answers the {@link DrawOutcome}.
 */
public record DrawMaterialCommand(CommitmentId commitmentId, DrawId drawId, SiteId siteId, Tonnes quantity,
                                  LocalDate drawnOn) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return drawnOn;
    }

    @Override
    public String businessDateField() {
        return "drawnOn";
    }
}
