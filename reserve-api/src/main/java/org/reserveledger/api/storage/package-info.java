/**
 * The PostgreSQL database: an embedded server under the data directory unless a URL is configured.
 */
package org.reserveledger.api.storage;
