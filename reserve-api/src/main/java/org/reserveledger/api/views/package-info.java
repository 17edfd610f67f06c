/**
 * Read endpoints: each answers from its projection's tables with the position it has applied,
 * and can wait for a position a client has just written.
 */
package org.reserveledger.api.views;
