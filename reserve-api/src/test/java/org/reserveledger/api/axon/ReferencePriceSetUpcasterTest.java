package org.reserveledger.api.axon;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.reserveledger.domain.pricing.ReferencePriceSet;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Usd;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reference prices written in the first shape, without a source, still read as events of today's shape. */
class ReferencePriceSetUpcasterTest {

    private final Serializer serializer = AxonConfiguration.jsonSerializer(false);

    @Test
    void theFirstShapeReadsAsRevisionTwoWithItsSourceNotRecorded() {
        ReferencePriceSet current = new ReferencePriceSet(Mineral.COBALT, Usd.of("33000.00"), LocalDate.parse("2025-03-01"),
                "Fastmarkets");
        ObjectNode firstShape = (ObjectNode) JsonMapper.builder().build()
                .readTree(serializer.serialize(current, byte[].class).getData());
        firstShape.remove("source");
        byte[] stored = firstShape.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("source").contains("33000");

        List<IntermediateEventRepresentation> read = AxonConfiguration.eventUpcasters()
                .upcast(Stream.of(representation(stored, null))).toList();

        assertThat(read).hasSize(1);
        assertThat(read.getFirst().getType().getRevision()).isEqualTo("2");
        ReferencePriceSet event = serializer.deserialize(read.getFirst().getData());
        assertThat(event).isEqualTo(new ReferencePriceSet(Mineral.COBALT, Usd.of("33000.00"),
                LocalDate.parse("2025-03-01"), ReferencePriceSet.SOURCE_NOT_RECORDED));
    }

    @Test
    void theCurrentShapePassesUnchanged() {
        ReferencePriceSet current = new ReferencePriceSet(Mineral.NICKEL, Usd.of("16500.00"), LocalDate.parse("2026-01-01"),
                "LME official price");
        SerializedObject<byte[]> serialized = serializer.serialize(current, byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo("2");

        List<IntermediateEventRepresentation> read = AxonConfiguration.eventUpcasters()
                .upcast(Stream.of(representation(serialized.getData(), "2"))).toList();

        assertThat((ReferencePriceSet) serializer.deserialize(read.getFirst().getData())).isEqualTo(current);
    }

    private InitialEventRepresentation representation(byte[] payload, String revision) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("ReferencePrice", "reference-price:COBALT", 0,
                UUID.randomUUID().toString(), Instant.parse("2025-03-01T09:00:00Z"), ReferencePriceSet.class.getName(),
                revision, payload, "{}".getBytes(StandardCharsets.UTF_8)), serializer);
    }
}
