package org.reserveledger.api.web.container;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import java.io.IOException;

/**
 * After a body was refused as too large (413) or too slow (408), tells Tomcat not to read the
 * rest of it: Tomcat would otherwise drain it at the client's pace, holding the request thread
 * for as long as the refusal was meant to save. The connection is closed instead.
 */
class RefusedBodyValve extends ValveBase {

    RefusedBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            int status = response.getStatus();
            if (status == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                    || status == HttpServletResponse.SC_REQUEST_TIMEOUT) {
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }
}
