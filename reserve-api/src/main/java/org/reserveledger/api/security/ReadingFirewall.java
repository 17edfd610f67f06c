package org.reserveledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.Collections;
import java.util.List;

/**
 * Spring Security's strict firewall, made to read every header and every query parameter as the
 * request enters. The strict firewall checks a header only when someone reads it, and Tomcat
 * parses the query string only when someone asks for a parameter, so a refusal would otherwise
 * surface from a controller's {@code getHeader} as a failure of the service; read here, it reaches
 * the rejected-request handler and is answered 400.
 */
final class ReadingFirewall implements HttpFirewall {

    private final StrictHttpFirewall strict = new StrictHttpFirewall();

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        FirewalledRequest firewalled = strict.getFirewalledRequest(request);
        List<String> names;
        try {
            names = Collections.list(firewalled.getHeaderNames());
        } catch (RequestRejectedException e) {
            throw RejectedRequestPart.headerName();
        }
        for (String name : names) {
            try {
                Collections.list(firewalled.getHeaders(name));
            } catch (RequestRejectedException e) {
                throw RejectedRequestPart.header(name);
            }
        }
        try {
            firewalled.getParameterMap();
        } catch (InvalidParameterException e) {
            throw RejectedRequestPart.queryString(e.getErrorCode() >= 400 ? e.getErrorCode() : 400,
                    "the query string cannot be parsed: a parameter without a name, an invalid %-escape or too many parameters");
        } catch (RequestRejectedException e) {
            throw RejectedRequestPart.queryString(400, "the query string holds characters that are not allowed");
        }
        return firewalled;
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }
}
