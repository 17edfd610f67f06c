package org.reserveledger.projections.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the event table exactly as stored: every column the chain covers.
 *
 * @param position        the global index
 * @param aggregateType   Axon's aggregate type column
 * @param payloadType     the event's class name
 * @param payloadRevision the revision of the event's shape, or {@code null} for the first
 * @param payload         the serialized event, byte for byte
 * @param metaData        the serialized metadata, byte for byte, or {@code null}
 */
public record RecordedEvent(long position, String eventId, String aggregateType, String aggregateId, long sequence,
                            String timestamp, String payloadType, String payloadRevision, byte[] payload,
                            byte[] metaData) {

    /** The columns {@link #fromRow} reads, for a select list over {@code domain_event_entry e}. */
    public static final String COLUMNS = """
            e.global_index, e.event_identifier, e.type, e.aggregate_identifier, e.sequence_number, e.time_stamp,
            e.payload_type, e.payload_revision, e.payload, e.meta_data""";

    public static RecordedEvent fromRow(ResultSet rs) throws SQLException {
        return new RecordedEvent(rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("type"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("time_stamp"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
                rs.getBytes("meta_data"));
    }

    /**
     * Reads {@link #COLUMNS} by index, from column {@code first} on: a long read goes faster without the
     * look-up of every column by its name.
     */
    public static RecordedEvent fromColumns(ResultSet rs, int first) throws SQLException {
        return new RecordedEvent(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getLong(first + 4), rs.getString(first + 5), rs.getString(first + 6),
                rs.getString(first + 7), rs.getBytes(first + 8), rs.getBytes(first + 9));
    }

    /** The short name of the event's class, e.g. {@code LotDeposited}. */
    public String simpleType() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
