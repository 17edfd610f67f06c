package org.reserveledger.api.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.reserveledger.projections.audit.EventAttestation;

import java.util.List;

/**
 * Axon's JDBC storage engine that attests every event it appends, in the same transaction: an
 * event is in the table with the service's attestation, or not at all.
 */
class AttestingEventStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactions;
    private final EventAttestation attestation;

    AttestingEventStorageEngine(Builder builder, TransactionManager transactions, EventAttestation attestation) {
        super(builder);
        this.transactions = transactions;
        this.attestation = attestation;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            attestation.attest(events.stream().map(EventMessage::getIdentifier).toList());
        });
    }
}
