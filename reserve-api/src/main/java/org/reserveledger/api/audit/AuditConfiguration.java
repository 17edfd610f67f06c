package org.reserveledger.api.audit;

import org.reserveledger.api.ReserveProperties;
import org.reserveledger.projections.audit.AttestationKey;
import org.reserveledger.projections.audit.AuditChainer;
import org.reserveledger.projections.audit.AuditLog;
import org.reserveledger.projections.audit.AuditVerifier;
import org.reserveledger.projections.audit.EventAttestation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
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
    EventAttestation eventAttestation(JdbcTemplate jdbc, AttestationKey key, PlatformTransactionManager transactions) {
        EventAttestation attestation = new EventAttestation(jdbc, key);
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

    /** Links newly committed events into the chain every {@code reserve.audit.chain-interval}. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "reserve.audit.chain-schedule", havingValue = "true", matchIfMissing = true)
    static class ChainSchedule {

        private final AuditChainer chainer;

        ChainSchedule(AuditChainer chainer) {
            this.chainer = chainer;
        }

        @Scheduled(fixedDelayString = "${reserve.audit.chain-interval:200ms}")
        void link() {
            try {
                chainer.catchUp();
            } catch (RuntimeException e) {
                log.warn("Linking events into the audit chain failed; retrying: {}", e.getMessage());
            }
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
