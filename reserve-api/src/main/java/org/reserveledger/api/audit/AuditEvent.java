package org.reserveledger.api.audit;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * An event of the audit log.
 *
 * @param type          the event's name, e.g. {@code LotDeposited}
 * @param actor         the authenticated principal whose command caused it
 * @param payload       the event as stored; {@code null} only if the stored bytes are no longer JSON
 * @param metaData      who, when and which command: actor, role, correlation and causation ids
 * @param chainSequence the event's place in the integrity chain, or {@code null} before it is linked
 * @param hash          its link hash (hex), or {@code null} before it is linked
 */
record AuditEvent(long position, String eventId, String type, String payloadRevision, String aggregateType,
                  String aggregateId, long sequence, Instant timestamp, String actor, JsonNode payload,
                  JsonNode metaData, Long chainSequence, String hash) {
}
