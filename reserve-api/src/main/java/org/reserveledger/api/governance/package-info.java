/**
 * What the reserve's board decides: storage sites and reference prices; and the mineral catalog.
 */
package org.reserveledger.api.governance;
