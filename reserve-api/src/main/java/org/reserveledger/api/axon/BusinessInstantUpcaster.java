package org.reserveledger.api.axon;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.reserveledger.domain.inventory.InboundTransferReserved;
import org.reserveledger.domain.inventory.StockDelivered;
import org.reserveledger.domain.inventory.StockDispatched;
import org.reserveledger.domain.inventory.StockDrawn;
import org.reserveledger.domain.inventory.StockWithdrawn;
import org.reserveledger.domain.inventory.TransferReceived;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Reads a site event of the first shape, written before site movements carried their business instant, as
 * revision 2 with that instant taken from the time the event was recorded: before business time, a movement
 * happened in the books when it was recorded. The stored event is never changed, nor the audit chain with it.
 */
final class BusinessInstantUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType firstShape;
    private final SimpleSerializedType revision2;
    private final String field;

    private BusinessInstantUpcaster(Class<?> eventType, String field) {
        this.firstShape = new SimpleSerializedType(eventType.getName(), null);
        this.revision2 = new SimpleSerializedType(eventType.getName(), "2");
        this.field = field;
    }

    /** One upcaster per site event that gained its business instant in revision 2. */
    static List<BusinessInstantUpcaster> siteMovements() {
        return List.of(new BusinessInstantUpcaster(StockWithdrawn.class, "withdrawnAt"),
                new BusinessInstantUpcaster(StockDispatched.class, "dispatchedAt"),
                new BusinessInstantUpcaster(InboundTransferReserved.class, "dispatchedAt"),
                new BusinessInstantUpcaster(TransferReceived.class, "receivedAt"),
                new BusinessInstantUpcaster(StockDrawn.class, "drawnAt"),
                new BusinessInstantUpcaster(StockDelivered.class, "deliveredAt"));
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(firstShape);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String recorded = representation.getTimestamp().toString();
        return representation.upcastPayload(revision2, JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            upcast.put(field, recorded);
            return upcast;
        });
    }
}
