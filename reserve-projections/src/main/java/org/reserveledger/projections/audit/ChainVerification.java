package org.reserveledger.projections.audit;

import java.util.List;

/**
 * The verifier's answer.
 *
 * @param verifiedEvents      links recomputed and found sound
 * @param headHash            the hash of the chain's last link, recomputed from the events (hex)
 * @param firstBrokenPosition the lowest position with a problem, or {@code null}
 * @param pendingEvents       attested events that committed while the chain was being read, not linked yet
 * @param problems            what was found, by position (at most {@value ChainWalk#MAX_PROBLEMS})
 */
public record ChainVerification(boolean ok, long verifiedEvents, String headHash, Long firstBrokenPosition,
                                long pendingEvents, List<ChainProblem> problems) {
}
