package org.reserveledger.api.audit;

import org.reserveledger.projections.audit.AuditLog;
import org.reserveledger.projections.audit.ChainEncoding;
import org.reserveledger.projections.audit.RecordedEvent;

import tools.jackson.core.Base64Variants;
import tools.jackson.core.JsonGenerator;

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

    /**
     * Writes the line of an entry, and its line feed, the way the mapper writes {@link #of} it (the same names
     * in the same order, nulls written, the stored bytes in standard base64), without building it first.
     */
    static void write(AuditLog.Entry entry, JsonGenerator out) {
        RecordedEvent event = entry.event();
        out.writeStartObject();
        out.writeNumberProperty("chainSequence", entry.chainSequence());
        out.writeNumberProperty("position", event.position());
        out.writeStringProperty("eventId", event.eventId());
        out.writeStringProperty("aggregateType", event.aggregateType());
        out.writeStringProperty("aggregateId", event.aggregateId());
        out.writeNumberProperty("sequence", event.sequence());
        out.writeStringProperty("timestamp", event.timestamp());
        out.writeStringProperty("payloadType", event.payloadType());
        out.writeStringProperty("payloadRevision", event.payloadRevision());
        out.writeName("payload");
        out.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, event.payload(), 0, event.payload().length);
        out.writeName("metaData");
        if (event.metaData() == null) {
            out.writeNull();
        } else {
            out.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, event.metaData(), 0, event.metaData().length);
        }
        out.writeStringProperty("hash", ChainEncoding.hex(entry.hash()));
        out.writeEndObject();
        out.writeRaw('\n');
    }

    RecordedEvent event() {
        return new RecordedEvent(position, eventId, aggregateType, aggregateId, sequence, timestamp, payloadType,
                payloadRevision, Base64.getDecoder().decode(payload),
                metaData == null ? null : Base64.getDecoder().decode(metaData));
    }
}
