/**
 * The audit chain over the event stream: the canonical encoding of a stored event, the service's
 * attestation of each event it appends, the chainer that links events as they become visible,
 * and the verifier that recomputes it all from the event table.
 */
package org.reserveledger.projections.audit;
