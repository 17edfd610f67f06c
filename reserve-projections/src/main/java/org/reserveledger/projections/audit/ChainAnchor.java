package org.reserveledger.projections.audit;

/**
 * A link of the chain recorded outside the system (printed, filed with the lender, ...): the hash
 * the chain had at this position. Rewriting events together with every stored hash after them
 * still changes the hash at the anchor.
 */
public record ChainAnchor(long position, byte[] expectedHash) {
}
