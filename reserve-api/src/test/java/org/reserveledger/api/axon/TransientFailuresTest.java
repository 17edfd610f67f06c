package org.reserveledger.api.axon;

import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void aLostConnectionADeadlockOrAShutdownMayPass() {
        assertThat(TransientFailures.isTransient(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(TransientFailures.isTransient(new CannotAcquireLockException("lock"))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException(new SQLException("terminated", "57P01")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("connection failure", "08006"))).isTrue();
    }

    @Test
    void aValueAColumnCannotHoldAnUnreadablePayloadOrABrokenKeyRecur() {
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("numeric field overflow",
                new SQLException("numeric field overflow", "22003")))).isFalse();
        assertThat(TransientFailures.isTransient(new SerializationException("cannot read"))).isFalse();
        assertThat(TransientFailures.isTransient(new ArithmeticException("long overflow"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
