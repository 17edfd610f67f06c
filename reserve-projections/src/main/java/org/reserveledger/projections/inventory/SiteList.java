package org.reserveledger.projections.inventory;

import java.util.List;

public record SiteList(List<SiteSummary> sites) {
}
