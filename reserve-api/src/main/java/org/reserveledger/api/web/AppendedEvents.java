package org.reserveledger.api.web;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Collects the identifiers of events published while a command runs on the calling thread, so
 * the command's response can name the global position of the last one it appended.
 */
class AppendedEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private final ThreadLocal<List<String>> current = new ThreadLocal<>();

    void begin() {
        current.set(new ArrayList<>());
    }

    List<String> end() {
        List<String> identifiers = current.get();
        current.remove();
        return identifiers == null ? List.of() : identifiers;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            List<String> identifiers = current.get();
            if (identifiers != null) {
                identifiers.add(event.getIdentifier());
            }
            return event;
        };
    }
}
