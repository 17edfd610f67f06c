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
 * @param chainSchedule  whether this node links newly committed events into the chain on its own; a node that
 *                       does not tells the others when it commits, and audit requests always catch the chain up
 * @param chainInterval  how often the chain catches up even without notice of a commit, so that a notice lost
 *                       with a connection or a crashed node delays linking by at most this long
 * @param chainLagLimit  how old the oldest event not yet linked may grow on a node that links the chain before
 *                       its health turns DOWN; a burst of appends is linked in seconds, so a lag this old
 *                       means the chainer is stuck
 */
@ConfigurationProperties("reserve.audit")
public record AuditProperties(String attestationKey,
                              @DefaultValue("true") boolean chainSchedule,
                              @DefaultValue("1s") Duration chainInterval,
                              @DefaultValue("5m") Duration chainLagLimit) {
}
