package org.reserveledger.benchmarks;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.reserveledger.projections.audit.AttestationKey;
import org.reserveledger.projections.audit.ChainEncoding;
import org.reserveledger.projections.audit.RecordedEvent;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Attesting an event as the service does on every append, in the append's transaction: HMAC-SHA-256 with the
 * service's key over the event's canonical encoding ({@link ChainEncoding#encode}), for a stored deposit with
 * the metadata the service writes. The same is done again for every event the audit verifier checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class AttestationBenchmark {

    private AttestationKey key;
    private RecordedEvent event;

    @Setup
    public void setUp() {
        key = new AttestationKey("benchmark attestation key, 32 bytes or more".getBytes(StandardCharsets.UTF_8));
        Serializer serializer = SampleEvents.eventSerializer();
        SerializedObject<byte[]> payload = serializer.serialize(SampleEvents.lotDeposited(), byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.from(SampleEvents.metaData()), byte[].class);
        event = new RecordedEvent(1_234_567, "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "Site",
                SampleEvents.SITE.value(), 4_321, "2026-03-02T14:30:01.123Z", payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), metaData.getData());
    }

    /** {@link AttestationKey#attest}: the event's encoding, then its HMAC with the service's key. */
    @Benchmark
    public byte[] attest() {
        return key.attest(event);
    }

    /** The canonical encoding alone, to tell its part of {@link #attest} from the HMAC's. */
    @Benchmark
    public byte[] encode() {
        return ChainEncoding.encode(event);
    }
}
