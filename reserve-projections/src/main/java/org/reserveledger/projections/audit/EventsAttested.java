package org.reserveledger.projections.audit;

/**
 * Published in the transaction that attested newly appended events; listeners that act after its
 * commit know the events are in the stream and queued for the chainer.
 *
 * @param events how many events the transaction attested
 */
public record EventsAttested(int events) {
}
