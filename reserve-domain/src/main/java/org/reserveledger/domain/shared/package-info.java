/**
 * Value objects and identifiers shared by every part of the reserve's domain.
 */
package org.reserveledger.domain.shared;
