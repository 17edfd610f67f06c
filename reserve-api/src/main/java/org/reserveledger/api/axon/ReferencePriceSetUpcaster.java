package org.reserveledger.api.axon;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.reserveledger.domain.pricing.ReferencePriceSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@link ReferencePriceSet} events of the first shape, written before prices recorded their
 * source, as revision 2 with the source {@value ReferencePriceSet#SOURCE_NOT_RECORDED}. The stored
 * event is never changed: the stream stays as it was written, and the audit chain with it.
 */
class ReferencePriceSetUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType FIRST_SHAPE =
            new SimpleSerializedType(ReferencePriceSet.class.getName(), null);
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(ReferencePriceSet.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(FIRST_SHAPE);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            upcast.put("source", ReferencePriceSet.SOURCE_NOT_RECORDED);
            return upcast;
        });
    }
}
