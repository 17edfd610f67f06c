package org.reserveledger.domain.commitment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.reserveledger.domain.shared.ManufacturerId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A manufacturer that may commit to offtake; registered by governance.
 */
public class Manufacturer {

    @AggregateIdentifier
    private String aggregateId;

    protected Manufacturer() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Manufacturer(RegisterManufacturerCommand command) {
        apply(new ManufacturerRegistered(command.manufacturerId(), command.name()));
    }

    /** Manufacturer codes share the event store's identifier namespace with sites; the prefix keeps them apart. */
    public static String idOf(ManufacturerId manufacturerId) {
        return "manufacturer:" + manufacturerId.value();
    }

    @EventSourcingHandler
    void on(ManufacturerRegistered event) {
        aggregateId = idOf(event.manufacturerId());
    }
}
