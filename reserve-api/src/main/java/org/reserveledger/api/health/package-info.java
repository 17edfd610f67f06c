/**
 * Health of what the service depends on beyond the database: its event processors.
 */
package org.reserveledger.api.health;
