package org.reserveledger.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reserveledger.api.axon.CommandOrigin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every command request (POST, PUT, PATCH, DELETE under {@code /api/v1}) its correlation id before
 * anything else sees it, and echoes it in {@code X-Correlation-Id} on whatever answers, a refusal by the
 * body limits or by security included: the client's own id when it sent one, else one made here. The
 * commands the request sends carry that same id, so its events' {@code correlationId} is the echoed one.
 * An id that is not 1 to 64 visible ASCII characters is refused (400) by {@link #refusal()} once the
 * request reaches its endpoint; its answer echoes an id made here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
public class CommandCorrelation extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    /** What a client may send as its correlation id. */
    public static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String REFUSED = CommandCorrelation.class.getName() + ".refused";
    private static final String MESSAGE = "must be 1 to 64 visible ASCII characters";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !COMMAND_METHODS.contains(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> given = Collections.list(request.getHeaders(HEADER));
        String id;
        if (given.size() == 1 && VALID.matcher(given.getFirst()).matches()) {
            id = given.getFirst();
        } else {
            id = UUID.randomUUID().toString();
            if (!given.isEmpty()) {
                request.setAttribute(REFUSED, Boolean.TRUE);
            }
        }
        request.setAttribute(CommandOrigin.REQUEST_CORRELATION_ID, id);
        response.setHeader(HEADER, id);
        chain.doFilter(request, response);
    }

    /**
     * The correlation id of this request: the one its response echoes, or for a request this filter did not
     * see, the client's when valid, else a new one.
     */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(CommandOrigin.REQUEST_CORRELATION_ID);
        if (id instanceof String known) {
            return known;
        }
        String given = request.getHeader(HEADER);
        return given != null && VALID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    /** Refuses, before its handler runs, a command whose {@code X-Correlation-Id} this filter could not use. */
    static HandlerInterceptor refusal() {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getAttribute(REFUSED) != null) {
                    throw new InvalidRequest(HEADER, MESSAGE);
                }
                return true;
            }
        };
    }
}
