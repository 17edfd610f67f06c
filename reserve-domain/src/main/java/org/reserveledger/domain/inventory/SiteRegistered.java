package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;

public record SiteRegistered(SiteId siteId, String name, String state, Tonnes capacity) implements SiteEvent {
}
