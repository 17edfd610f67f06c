/**
 * Bearer tokens, configured by their SHA-256 digests, and the roles of the REST contract.
 */
package org.reserveledger.api.security;
