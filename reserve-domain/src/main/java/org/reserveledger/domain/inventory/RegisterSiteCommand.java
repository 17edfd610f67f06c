package org.reserveledger.domain.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;

public record RegisterSiteCommand(@TargetAggregateIdentifier SiteId siteId, String name, String state,
                                  Tonnes capacity) {
}
