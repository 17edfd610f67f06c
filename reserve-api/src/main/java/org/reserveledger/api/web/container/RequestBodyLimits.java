package org.reserveledger.api.web.container;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * Reads every request body whole, before security or a controller sees the request, within a
 * size and a deadline: a body over the size is refused 413 without being read on (whether it
 * declares its length or comes chunked), and a client that trickles its body is cut off 408 at
 * the deadline instead of holding a request thread for as long as it likes. Tomcat's own
 * timeouts bound only the wait for each read, which a trickle of one byte a second never hits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class RequestBodyLimits extends OncePerRequestFilter {

    private static final int CHUNK = 8192;

    private final long maxSize;
    private final long readTimeoutNanos;
    private final JsonMapper json;

    RequestBodyLimits(RequestBodyProperties properties, JsonMapper json) {
        this.maxSize = properties.maxSize().toBytes();
        this.readTimeoutNanos = properties.readTimeout().toNanos();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (declared == 0 || declared < 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        if (declared > maxSize) {
            refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        byte[] body;
        try {
            body = read(request.getInputStream(), declared);
        } catch (BodyRefused refused) {
            refuse(request, response, refused.status, refused.getMessage());
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private byte[] read(InputStream in, long declared) throws BodyRefused {
        long deadline = System.nanoTime() + readTimeoutNanos;
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(declared > 0 ? declared : CHUNK, maxSize));
        byte[] chunk = new byte[CHUNK];
        while (true) {
            int read;
            try {
                read = in.read(chunk);
            } catch (IOException e) {
                if (causedBy(e, SocketTimeoutException.class)) {
                    throw new BodyRefused(HttpServletResponse.SC_REQUEST_TIMEOUT, slow());
                }
                throw new BodyRefused(HttpServletResponse.SC_BAD_REQUEST,
                        "the request body ended before it was complete");
            }
            if (read < 0) {
                break;
            }
            if (body.size() + read > maxSize) {
                throw new BodyRefused(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            }
            body.write(chunk, 0, read);
            if (System.nanoTime() - deadline > 0 && (declared < 0 || body.size() < declared)) {
                throw new BodyRefused(HttpServletResponse.SC_REQUEST_TIMEOUT, slow());
            }
        }
        if (declared > 0 && body.size() < declared) {
            throw new BodyRefused(HttpServletResponse.SC_BAD_REQUEST, "the request body is shorter than its Content-Length");
        }
        return body.toByteArray();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        // The rest of the body is not read, so the connection cannot carry another request.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        ContainerProblems.write(json, response, ContainerProblems.at(ContainerProblems.of(status, detail),
                request.getRequestURI()));
    }

    private String tooLarge() {
        return "the request body is larger than " + maxSize + " bytes";
    }

    private String slow() {
        return "the request body was not received within " + readTimeoutNanos / 1_000_000 + " ms";
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static final class BodyRefused extends Exception {

        private final int status;

        BodyRefused(int status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }
    }
}
