package org.reserveledger.api.audit;

import java.util.List;

/**
 * A page of the audit log.
 *
 * @param nextAfterPosition the {@code afterPosition} of the next page, or {@code null} when this page reached the end
 */
record AuditEventPage(List<AuditEvent> events, Long nextAfterPosition) {
}
