/**
 * Axon Framework on PostgreSQL without Axon Server: event and token stores, transactions,
 * serialization, aggregates and streaming projections.
 */
package org.reserveledger.api.axon;
