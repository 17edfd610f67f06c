/**
 * The demo reserve: a realistic reserve issued through the normal command path on an empty store.
 */
package org.reserveledger.api.demo;
