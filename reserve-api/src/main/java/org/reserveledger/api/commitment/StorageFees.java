package org.reserveledger.api.commitment;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.reserveledger.api.axon.CommandOrigin;
import org.reserveledger.domain.commitment.ChargeStorageFeesCommand;
import org.reserveledger.domain.shared.CommitmentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Charges the storage fees of every month that has ended. Each commitment remembers the months
 * it has charged, so running this again — after a restart, or on several nodes at once — charges
 * nothing twice: concurrent charges of one commitment conflict on its event sequence and one wins.
 */
@Component
public class StorageFees {

    private static final Logger log = LoggerFactory.getLogger(StorageFees.class);

    private final JdbcClient jdbc;
    private final CommandGateway commandGateway;
    private final Clock clock;

    StorageFees(JdbcClient jdbc, CommandGateway commandGateway, Clock clock) {
        this.jdbc = jdbc;
        this.commandGateway = commandGateway;
        this.clock = clock;
    }

    /** Charges every active commitment through {@code through}; answers how many monthly charges were made. */
    public int chargeThrough(LocalDate through, String actor) {
        List<UUID> active = jdbc.sql("select commitment_id from lookup_commitment where active order by commitment_id")
                .query(UUID.class).list();
        int charged = 0;
        for (UUID id : active) {
            try {
                Integer months = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                                new ChargeStorageFeesCommand(CommitmentId.of(id), through))
                        .andMetaData(MetaData.with(CommandOrigin.ACTOR, actor).and(CommandOrigin.ACTOR_ROLE, "SYSTEM")));
                charged += months == null ? 0 : months;
            } catch (RuntimeException e) {
                // Another node charging the same commitment at the same moment wins; the next run finds nothing left.
                log.warn("Storage fees of commitment {} not charged this run: {}", id, e.getMessage());
            }
        }
        return charged;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "reserve.storage-fees.schedule", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final StorageFees fees;

        Schedule(StorageFees fees) {
            this.fees = fees;
        }

        @Scheduled(initialDelayString = "${reserve.storage-fees.initial-delay:PT1M}",
                fixedDelayString = "${reserve.storage-fees.interval:PT1H}")
        void chargeEndedMonths() {
            int charged = fees.chargeThrough(fees.today(), "system:storage-fees");
            if (charged > 0) {
                log.info("Charged {} monthly storage fees", charged);
            }
        }
    }
}
