package org.reserveledger.api.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the audit chain, under {@code reserve.audit.*}.
 *
 * @param attestationKey the secret (base64, at least 32 bytes) with which the service attests the events it
 *                       appends; every node writing to one database needs the same. Unset, a key is generated
 *                       once in {@code <data-dir>/attestation.key}, readable by its owner only.
 * @param chainInterval  how often newly committed events are linked into the chain
 */
@ConfigurationProperties("reserve.audit")
public record AuditProperties(String attestationKey, @DefaultValue("200ms") Duration chainInterval) {
}
