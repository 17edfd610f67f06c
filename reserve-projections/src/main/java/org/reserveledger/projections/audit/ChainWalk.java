package org.reserveledger.projections.audit;

import javax.crypto.Mac;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One pass over the chain, link by link, in chain order: the same checks whether the links come
 * from the event table (with the service's key, so attestations are checked too) or from an
 * export an auditor verifies offline (without it).
 */
public final class ChainWalk {

    public static final int MAX_PROBLEMS = 100;

    private final ChainAnchor anchor;
    private final AttestationKey key;
    /** Reused for every link: one walk runs on one thread. */
    private final MessageDigest sha256 = ChainEncoding.sha256();
    private final Mac hmac;
    private final List<ChainProblem> problems = new ArrayList<>();
    private long problemCount;
    private Long firstBroken;
    private long expectedSequence = 1;
    private byte[] recomputed = ChainEncoding.genesis();
    private byte[] stored = ChainEncoding.genesis();
    private long verified;
    private long pending;
    private boolean anchorSeen;

    public ChainWalk(ChainAnchor anchor, AttestationKey key) {
        this.anchor = anchor;
        this.key = key;
        this.hmac = key == null ? null : key.mac();
    }

    /**
     * Checks the next link.
     *
     * @param event the event the link names, or {@code null} when it is gone
     * @param mac   the service's attestation of the event (ignored without a key)
     */
    public void link(long sequence, long position, byte[] hash, RecordedEvent event, byte[] mac) {
        if (sequence != expectedSequence) {
            report(position, ChainProblem.Kind.LINK_MISSING);
        }
        expectedSequence = sequence + 1;
        boolean sound = true;
        if (event == null) {
            report(position, ChainProblem.Kind.REMOVED);
            sound = false;
            // Nothing to recompute from: carry the stored hash so later links are still checked on their own.
            recomputed = hash;
        } else {
            byte[] encoding = ChainEncoding.encode(event);
            // Each link is checked against the stored hash before it, so one broken link does not hide the next.
            byte[] linked = ChainEncoding.link(sha256, stored, encoding);
            if (!Arrays.equals(linked, hash)) {
                report(position, ChainProblem.Kind.ALTERED);
                sound = false;
            } else if (key != null && !AttestationKey.attests(hmac, encoding, mac)) {
                report(position, ChainProblem.Kind.NOT_ATTESTED);
                sound = false;
            }
            // While the recomputed chain agrees with the stored one, the link just computed is the recomputed one too.
            recomputed = Arrays.equals(recomputed, stored) ? linked : ChainEncoding.link(sha256, recomputed, encoding);
        }
        stored = hash;
        if (anchor != null && anchor.position() == position) {
            anchorSeen = true;
            if (!Arrays.equals(recomputed, anchor.expectedHash())) {
                report(position, ChainProblem.Kind.ANCHOR_MISMATCH);
                sound = false;
            }
        }
        if (sound) {
            verified++;
        }
    }

    /** An event in the table that no link names. */
    public void unlinked(RecordedEvent event, byte[] mac, boolean queued) {
        if (queued && key != null && AttestationKey.attests(hmac, ChainEncoding.encode(event), mac)) {
            pending++;
        } else {
            report(event.position(), ChainProblem.Kind.INSERTED);
        }
    }

    public ChainVerification result() {
        if (anchor != null && !anchorSeen) {
            report(anchor.position(), ChainProblem.Kind.ANCHOR_MISMATCH);
        }
        problems.sort(Comparator.comparingLong(ChainProblem::position));
        return new ChainVerification(problemCount == 0, verified, ChainEncoding.hex(recomputed), firstBroken,
                pending, List.copyOf(problems));
    }

    private void report(long position, ChainProblem.Kind kind) {
        problemCount++;
        firstBroken = firstBroken == null ? position : Math.min(firstBroken, position);
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new ChainProblem(position, kind));
        }
    }
}
