/**
 * Read models of the reserve, each built by one projection from the event stream into its own
 * PostgreSQL tables and answered by that projection's query handlers.
 */
package org.reserveledger.projections;
