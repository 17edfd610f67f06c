package org.reserveledger.api.axon;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries the actor and correlation id of the command being handled onto every event it
 * causes, and names that command as the event's cause. A command sent without a correlation id
 * while an HTTP request is served takes that request's, so its events carry the id the response
 * echoes.
 */
class CommandOriginCorrelation implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Object actor = message.getMetaData().get(CommandOrigin.ACTOR);
        if (actor != null) {
            data.put(CommandOrigin.ACTOR, actor);
        }
        Object role = message.getMetaData().get(CommandOrigin.ACTOR_ROLE);
        if (role != null) {
            data.put(CommandOrigin.ACTOR_ROLE, role);
        }
        Object correlationId = message.getMetaData().get(CommandOrigin.CORRELATION_ID);
        if (correlationId == null) {
            correlationId = requestCorrelationId();
        }
        data.put(CommandOrigin.CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        data.put(CommandOrigin.CAUSATION_ID, message.getIdentifier());
        return data;
    }

    /**
     * The id the current HTTP request's response echoes, for a command sent without one while serving it:
     * the command bus handles commands on the sending thread, where the request is still bound.
     */
    private static Object requestCorrelationId() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null
                : request.getAttribute(CommandOrigin.REQUEST_CORRELATION_ID, RequestAttributes.SCOPE_REQUEST);
    }
}
