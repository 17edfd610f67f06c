/**
 * What Tomcat and the servlet container refuse before a controller runs (malformed request lines,
 * oversized headers, bodies too large or too slow, error dispatches), answered as RFC 9457 problems.
 */
package org.reserveledger.api.web.container;
