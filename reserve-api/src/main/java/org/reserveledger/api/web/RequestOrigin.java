package org.reserveledger.api.web;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.reserveledger.api.axon.CommandOrigin;
import org.reserveledger.api.security.ApiPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Names the origin of every command sent while an HTTP request is served: its actor and role are the
 * request's principal, its correlation id the one the response echoes ({@link CommandCorrelation}).
 * A command that names its own (the storage fee run, the demo loader) keeps them. The command bus
 * handles commands on the sending thread, where the request and its principal are bound; Axon's
 * correlation data providers then carry these onto the command's events (see {@code AxonConfiguration}).
 */
@Component
class RequestOrigin implements MessageDispatchInterceptor<CommandMessage<?>> {

    RequestOrigin(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> origin = new HashMap<>();
            MetaData given = command.getMetaData();
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (!given.containsKey(CommandOrigin.ACTOR)
                    && authentication != null && authentication.getPrincipal() instanceof ApiPrincipal principal) {
                origin.put(CommandOrigin.ACTOR, principal.name());
                origin.put(CommandOrigin.ACTOR_ROLE, principal.role().name());
            }
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            Object correlationId = request == null ? null
                    : request.getAttribute(CommandOrigin.REQUEST_CORRELATION_ID, RequestAttributes.SCOPE_REQUEST);
            if (!given.containsKey(CommandOrigin.CORRELATION_ID) && correlationId != null) {
                origin.put(CommandOrigin.CORRELATION_ID, correlationId);
            }
            return origin.isEmpty() ? command : command.andMetaData(origin);
        };
    }
}
