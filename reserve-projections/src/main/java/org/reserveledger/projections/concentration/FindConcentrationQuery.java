package org.reserveledger.projections.concentration;

import java.time.LocalDate;

/** Origin shares of the stock held at the end of a business date. */
public record FindConcentrationQuery(LocalDate valueDate) {
}
