package org.reserveledger.api.audit;

import org.reserveledger.projections.audit.AuditLog;
import org.reserveledger.projections.audit.ChainEncoding;
import org.reserveledger.projections.audit.RecordedEvent;

import java.util.Base64;

/**
 * One line of the NDJSON export: a link of the chain with its event exactly as stored. Payload and
 * metadata are base64 of the stored bytes, so the canonical encoding can be rebuilt byte for byte.
 *
 * @param payloadType     the event's class name
 * @param payloadRevision the revision of its shape, or {@code null}
 * @param hash            the link hash, hex
 */
record ExportLine(long chainSequence, long position, String eventId, String aggregateType, String aggregateId,
                  long sequence, String timestamp, String payloadType, String payloadRevision, String payload,
                  String metaData, String hash) {

    static ExportLine of(AuditLog.Entry entry) {
        RecordedEvent event = entry.event();
        return new ExportLine(entry.chainSequence(), event.position(), event.eventId(), event.aggregateType(),
                event.aggregateId(), event.sequence(), event.timestamp(), event.payloadType(), event.payloadRevision(),
                Base64.getEncoder().encodeToString(event.payload()),
                event.metaData() == null ? null : Base64.getEncoder().encodeToString(event.metaData()),
                ChainEncoding.hex(entry.hash()));
    }

    RecordedEvent event() {
        return new RecordedEvent(position, eventId, aggregateType, aggregateId, sequence, timestamp, payloadType,
                payloadRevision, Base64.getDecoder().decode(payload),
                metaData == null ? null : Base64.getDecoder().decode(metaData));
    }
}
