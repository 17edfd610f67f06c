package org.reserveledger.api.axon;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries the actor and correlation id of the command being handled onto every event it
 * causes, and names that command as the event's cause.
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
        data.put(CommandOrigin.CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        data.put(CommandOrigin.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
