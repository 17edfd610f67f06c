package org.reserveledger.api.axon;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.reserveledger.projections.audit.EventAttestation;
import org.reserveledger.projections.audit.RecordedEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Axon's JDBC storage engine that attests every event it appends, in the same transaction: an
 * event is in the table with the service's attestation, or not at all. It writes the rows as Axon's
 * engine does, and takes each row's global index from the insert itself, so the attestation signs
 * the row exactly as stored without reading it back, and the command's response knows its position.
 */
class AttestingEventStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactions;
    private final EventAttestation attestation;
    private final AppendedPositions positions;
    private final String insert;

    AttestingEventStorageEngine(Builder builder, TransactionManager transactions, EventAttestation attestation,
                                AppendedPositions positions) {
        super(builder);
        this.transactions = transactions;
        this.attestation = attestation;
        this.positions = positions;
        EventSchema schema = schema();
        this.insert = "insert into " + schema.domainEventTable() + " (" + schema.domainEventFields()
                + ") values (?,?,?,?,?,?,?,?,?)";
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            List<RecordedEvent> stored = insert(events, serializer);
            attestation.attestAsStored(stored);
            positions.appended(stored.getLast().position());
        });
    }

    private List<RecordedEvent> insert(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<RecordedEvent> rows = new ArrayList<>(events.size());
        Connection connection = getConnection();
        try (PreparedStatement statement = connection.prepareStatement(insert,
                new String[]{schema().globalIndexColumn()})) {
            for (EventMessage<?> message : events) {
                RecordedEvent row = row(message, serializer);
                rows.add(row);
                statement.setString(1, row.eventId());
                statement.setString(2, row.aggregateId());
                statement.setLong(3, row.sequence());
                statement.setString(4, row.aggregateType());
                statement.setString(5, row.timestamp());
                statement.setString(6, row.payloadType());
                statement.setString(7, row.payloadRevision());
                statement.setBytes(8, row.payload());
                statement.setBytes(9, row.metaData());
                statement.addBatch();
            }
            statement.executeBatch();
            List<RecordedEvent> stored = new ArrayList<>(rows.size());
            try (ResultSet keys = statement.getGeneratedKeys()) {
                for (RecordedEvent row : rows) {
                    if (!keys.next()) {
                        throw new SQLException("the insert returned fewer global indexes than it wrote rows");
                    }
                    stored.add(at(keys.getLong(1), row));
                }
            }
            return stored;
        } catch (SQLException e) {
            handlePersistenceException(e, events.getFirst());
            throw new IllegalStateException("appending events failed", e);
        } finally {
            closeQuietly(connection);
        }
    }

    /** The row Axon's engine writes for an event, with its global index still unknown. */
    private static RecordedEvent row(EventMessage<?> message, Serializer serializer) {
        // Axon stores an event published outside an aggregate under its own identifier, sequence 0.
        String aggregateId = message.getIdentifier();
        long sequence = 0;
        String type = null;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
            type = domain.getType();
        }
        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = message.serializeMetaData(serializer, byte[].class);
        return new RecordedEvent(-1, message.getIdentifier(), type, aggregateId, sequence,
                DateTimeUtils.formatInstant(message.getTimestamp()), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), metaData.getData());
    }

    private static RecordedEvent at(long position, RecordedEvent row) {
        return new RecordedEvent(position, row.eventId(), row.aggregateType(), row.aggregateId(), row.sequence(),
                row.timestamp(), row.payloadType(), row.payloadRevision(), row.payload(), row.metaData());
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> row = super.getTrackedEventData(resultSet, previousToken);
        return row instanceof TrackedDomainEventData<?> domain
                ? new TrackedDomainEventData<>(domain.trackingToken(), parsed(domain, resultSet))
                : row;
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return parsed(super.getDomainEventData(resultSet), resultSet);
    }

    private <T> DomainEventData<T> parsed(DomainEventData<T> row, ResultSet resultSet) throws SQLException {
        return new StoredTimestamp.Parsed<>(row, StoredTimestamp.parse(resultSet.getString(schema().timestampColumn())));
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the transaction that owns it reports its own failures
        }
    }
}
