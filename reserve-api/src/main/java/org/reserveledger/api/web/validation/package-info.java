/**
 * Constraints on request fields, stated in the terms of the REST contract.
 */
package org.reserveledger.api.web.validation;
