/**
 * What the dashboards need beyond the views: who the caller is, and a push channel that tells open
 * pages the stream has grown, so they refresh without reloading.
 */
package org.reserveledger.api.live;
