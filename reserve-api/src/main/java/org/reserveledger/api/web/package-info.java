/**
 * What every endpoint shares: command execution with idempotency keys and positions, strict
 * JSON, validation, and RFC 9457 problem responses.
 */
package org.reserveledger.api.web;
