/**
 * How far each projection has read the event stream, from its tokens in the token store.
 */
package org.reserveledger.projections.tracking;
