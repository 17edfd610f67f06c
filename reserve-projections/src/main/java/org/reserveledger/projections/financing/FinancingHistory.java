package org.reserveledger.projections.financing;

import java.util.List;

/** The financing view on each value date asked for, in the order asked. */
public record FinancingHistory(List<Financing> views) {
}
