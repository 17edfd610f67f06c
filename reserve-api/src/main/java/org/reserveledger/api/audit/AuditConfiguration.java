package org.reserveledger.api.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.reserveledger.api.ReserveProperties;
import org.reserveledger.api.scheduling.DedicatedWorker;
import org.reserveledger.projections.audit.AttestationKey;
import org.reserveledger.projections.audit.AuditChainer;
import org.reserveledger.projections.audit.AuditLog;
import org.reserveledger.projections.audit.AuditVerifier;
import org.reserveledger.projections.audit.EventAttestation;
import org.reserveledger.projections.audit.EventsAttested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    static final String KEY_FILE = "attestation.key";

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    AttestationKey attestationKey(AuditProperties audit, ReserveProperties reserve) {
        String configured = audit.attestationKey();
        if (configured != null && !configured.isBlank()) {
            return new AttestationKey(Base64.getDecoder().decode(configured.strip()));
        }
        return new AttestationKey(keyFile(reserve.dataDir().resolve(KEY_FILE)));
    }

    /**
     * The attestation of appends. A stream written before the chain existed is adopted once, as it
     * stands, before anything new is appended.
     */
    @Bean
    EventAttestation eventAttestation(JdbcTemplate jdbc, AttestationKey key, PlatformTransactionManager transactions,
                                      ApplicationEventPublisher publisher) {
        EventAttestation attestation = new EventAttestation(jdbc, key, publisher);
        Integer adopted = new TransactionTemplate(transactions).execute(
                status -> attestation.adoptStreamWrittenBeforeTheChain());
        if (adopted != null && adopted > 0) {
            log.warn("Attested {} events written before the audit chain existed; the chain vouches for them "
                    + "from now on, not for what happened to them before", adopted);
        }
        return attestation;
    }

    @Bean
    AuditChainer auditChainer(JdbcTemplate jdbc, PlatformTransactionManager transactions, AttestationKey key) {
        return new AuditChainer(jdbc, new TransactionTemplate(transactions), key);
    }

    @Bean
    AuditVerifier auditVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions, AttestationKey key,
                                AuditChainer chainer) {
        return new AuditVerifier(jdbc, new TransactionTemplate(transactions), key, chainer);
    }

    @Bean
    AuditLog auditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditChainer chainer) {
        return new AuditLog(jdbc, new TransactionTemplate(transactions), chainer);
    }

    /** The chain's lag as gauges, next to the health indicator that judges it. */
    @Bean
    MeterBinder auditChainLagMetrics(AuditChainer chainer) {
        return registry -> {
            Gauge.builder("reserve.audit.chain.lag.events", chainer, c -> c.lag().events())
                    .description("Attested events committed but not yet linked into the audit chain")
                    .baseUnit("events")
                    .register(registry);
            Gauge.builder("reserve.audit.chain.lag.seconds", chainer, c -> c.lag().oldest().toNanos() / 1e9)
                    .description("Age of the oldest event not yet linked into the audit chain")
                    .baseUnit("seconds")
                    .register(registry);
        };
    }

    /**
     * Links newly committed events into the chain on a thread of its own: at once after this node
     * commits events, when another node says it has, and every {@code reserve.audit.chain-interval}
     * in case a notice was lost. Nodes linking at once are serialized by the chainer's lock.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "reserve.audit.chain-schedule", havingValue = "true", matchIfMissing = true)
    static class ChainSchedule {

        @Bean
        DedicatedWorker auditChainWorker(AuditChainer chainer, AuditProperties audit) {
            return DedicatedWorker.every("audit-chain", Duration.ZERO, audit.chainInterval(), () -> link(chainer));
        }

        @Bean
        ApplicationListener<PayloadApplicationEvent<EventsAttested>> linkAfterCommit(
                @Qualifier("auditChainWorker") DedicatedWorker worker) {
            return TransactionalApplicationListener.forPayload(TransactionPhase.AFTER_COMMIT, attested -> worker.wake());
        }

        @Bean
        CommitNotices auditChainNotices(DataSource dataSource, @Qualifier("auditChainWorker") DedicatedWorker worker) {
            return new CommitNotices(dataSource, worker::wake);
        }

        private static void link(AuditChainer chainer) {
            try {
                chainer.catchUp();
            } catch (RuntimeException e) {
                log.warn("Linking events into the audit chain failed; retrying: {}", e.getMessage());
            }
        }
    }

    /**
     * A node that does not link the chain itself tells the nodes that do when it has committed events.
     * The notice is sent after the commit, in a transaction of its own: a NOTIFY in the appending
     * transaction would take PostgreSQL's global notification lock until that commit is flushed, and
     * so make concurrent appends commit one at a time. Notices coalesce while one is being sent; a lost
     * one costs the other nodes at most their {@code chain-interval}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "reserve.audit.chain-schedule", havingValue = "false")
    static class CommitNoticeToOtherNodes {

        @Bean
        DedicatedWorker auditCommitNotifier(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
            TransactionTemplate notice = new TransactionTemplate(transactions);
            return DedicatedWorker.whenWoken("audit-commit-notice", () -> {
                try {
                    notice.executeWithoutResult(status -> {
                        // Only a hint: the nodes that link catch up on their own schedule if it is lost.
                        jdbc.execute("set local synchronous_commit = off");
                        jdbc.execute("select pg_notify('" + CommitNotices.CHANNEL + "', '')");
                    });
                } catch (RuntimeException e) {
                    log.debug("Could not tell other nodes of committed events: {}", e.getMessage());
                }
            });
        }

        @Bean
        ApplicationListener<PayloadApplicationEvent<EventsAttested>> noticeAfterCommit(
                @Qualifier("auditCommitNotifier") DedicatedWorker notifier) {
            return TransactionalApplicationListener.forPayload(TransactionPhase.AFTER_COMMIT, attested -> notifier.wake());
        }
    }

    private static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] secret = new byte[AttestationKey.MIN_BYTES];
                new SecureRandom().nextBytes(secret);
                Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "attestation", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temporary, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
                Files.move(temporary, file);
                log.info("Created the audit attestation key in {} (readable by its owner only). Keep a copy safe, "
                        + "apart from the database and its backups", file.toAbsolutePath());
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the attestation key " + file, e);
        }
    }
}
