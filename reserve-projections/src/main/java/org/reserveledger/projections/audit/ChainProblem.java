package org.reserveledger.projections.audit;

/**
 * Something the verifier found wrong at a position of the stream.
 *
 * @param kind what was found, e.g. {@code ALTERED}
 */
public record ChainProblem(long position, Kind kind) {

    public enum Kind {
        /** The event's stored form no longer hashes to its link: a byte, a field or its place changed. */
        ALTERED,
        /** The link names a position whose event is gone. */
        REMOVED,
        /** The event and its link agree, but the service never attested that content: the chain was rewritten. */
        NOT_ATTESTED,
        /** An event is in the table that the service did not write: it was inserted behind its back. */
        INSERTED,
        /** A link of the chain is missing or out of sequence. */
        LINK_MISSING,
        /** The chain's hash at the anchor's position differs from the anchor's. */
        ANCHOR_MISMATCH
    }
}
