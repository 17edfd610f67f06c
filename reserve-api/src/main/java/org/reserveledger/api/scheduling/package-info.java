/** Background work that runs on threads of its own, so that one slow task never holds up another. */
package org.reserveledger.api.scheduling;
