package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.SiteId;

/**
 * A deposit taken back out of the books as if its lot had never been received: the lot, as deposited,
 * leaves the site on the deposit's own business date. The deposit's event stays in the stream.
 *
 * @param reason why the deposit was wrong, as the operator gave it
 */
public record DepositReversed(SiteId siteId, DepositId depositId, Lot lot, String reason) implements SiteEvent {
}
