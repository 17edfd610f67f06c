/**
 * Operations for administrators of the service.
 */
package org.reserveledger.api.admin;
