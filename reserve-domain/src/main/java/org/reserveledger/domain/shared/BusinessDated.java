package org.reserveledger.domain.shared;

import java.time.LocalDate;

/**
 * A command whose fact belongs to a day of the reserve's books: a deposit's receipt, a draw, a loan flow's
 * value date. Such a command is refused when that day lies in the future or in a closed period.
 */
public interface BusinessDated {

    /** The day of the books the command's fact belongs to. */
    LocalDate businessDate();

    /** The field that carries the business date, so a refusal can name it. */
    String businessDateField();

    /** Whether the date may lie ahead of today, as a price effective from a later day does. */
    default boolean mayLieAhead() {
        return false;
    }
}
