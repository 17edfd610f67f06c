package org.reserveledger.projections.concentration;

public record FindConcentrationQuery() {
}
