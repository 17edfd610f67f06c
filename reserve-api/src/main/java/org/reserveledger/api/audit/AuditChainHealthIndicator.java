package org.reserveledger.api.audit;

import org.reserveledger.projections.audit.AuditChainer;
import org.reserveledger.projections.audit.ChainLag;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * How far the audit chain is behind the committed stream, shown to admins. Up while the oldest
 * event not yet linked is younger than {@code reserve.audit.chain-lag-limit}: a lag of thousands of
 * events after a burst of appends is normal and soon gone. Only a node that links the chain itself
 * can be held to that; on one that leaves linking to others the lag is shown, never judged.
 */
@Component("auditChain")
class AuditChainHealthIndicator extends AbstractHealthIndicator {

    private final AuditChainer chainer;
    private final AuditProperties audit;

    AuditChainHealthIndicator(AuditChainer chainer, AuditProperties audit) {
        this.chainer = chainer;
        this.audit = audit;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ChainLag lag = chainer.lag();
        boolean stuck = audit.chainSchedule() && lag.oldest().compareTo(audit.chainLagLimit()) > 0;
        (stuck ? builder.down() : builder.up())
                .withDetail("linkedHere", audit.chainSchedule())
                .withDetail("unlinkedEvents", lag.events())
                .withDetail("oldestUnlinkedSeconds", lag.oldest().toMillis() / 1000.0)
                .withDetail("lagLimitSeconds", audit.chainLagLimit().toSeconds());
    }
}
