package org.reserveledger.benchmarks;

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
import org.reserveledger.domain.inventory.LotDeposited;
import org.reserveledger.domain.inventory.StockWithdrawn;

import java.util.concurrent.TimeUnit;

/**
 * An event to the bytes the event table stores, and back, with the service's event serializer. Every append
 * serializes its events; every aggregate sourced from the store, every projection and every audit read
 * deserializes them, so this is paid once per event on the command path and again on each reader.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class EventSerializationBenchmark {

    private Serializer serializer;
    private LotDeposited lotDeposited;
    private StockWithdrawn stockWithdrawn;
    private SerializedObject<byte[]> storedDeposit;
    private SerializedObject<byte[]> storedWithdrawal;

    @Setup
    public void setUp() {
        serializer = SampleEvents.eventSerializer();
        lotDeposited = SampleEvents.lotDeposited();
        stockWithdrawn = SampleEvents.stockWithdrawn();
        storedDeposit = serializer.serialize(lotDeposited, byte[].class);
        storedWithdrawal = serializer.serialize(stockWithdrawn, byte[].class);
        if (!lotDeposited.equals(serializer.deserialize(storedDeposit))
                || !stockWithdrawn.equals(serializer.deserialize(storedWithdrawal))) {
            throw new IllegalStateException("the serializer does not give back the events it wrote");
        }
    }

    /** A deposit of one lot to its stored JSON bytes (type and revision with them). */
    @Benchmark
    public SerializedObject<byte[]> serializeLotDeposited() {
        return serializer.serialize(lotDeposited, byte[].class);
    }

    /** The stored bytes of a deposit back to the event. */
    @Benchmark
    public Object deserializeLotDeposited() {
        return serializer.deserialize(storedDeposit);
    }

    /** A withdrawal from two lots to its stored JSON bytes. */
    @Benchmark
    public SerializedObject<byte[]> serializeStockWithdrawn() {
        return serializer.serialize(stockWithdrawn, byte[].class);
    }

    /** The stored bytes of a withdrawal back to the event. */
    @Benchmark
    public Object deserializeStockWithdrawn() {
        return serializer.deserialize(storedWithdrawal);
    }
}
