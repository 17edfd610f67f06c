package org.reserveledger.projections.replay;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

import java.util.List;

/**
 * A projection as replay sees it: its name (also its processing group), the tables it alone
 * writes, and its event handlers. Replays call the very handlers the live processor calls; only
 * the tables their unqualified names resolve to differ.
 */
public final class Projection {

    private final String name;
    private final List<String> tables;
    private final AnnotationEventHandlerAdapter handlers;

    public Projection(String name, List<String> tables, Object handlerBean) {
        this.name = name;
        this.tables = List.copyOf(tables);
        this.handlers = new AnnotationEventHandlerAdapter(handlerBean);
    }

    public String name() {
        return name;
    }

    public List<String> tables() {
        return tables;
    }

    /** Applies an event, if this projection handles it. */
    public void apply(EventMessage<?> event) {
        if (!handlers.canHandle(event)) {
            return;
        }
        try {
            handlers.handle(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("projection " + name + " failed on " + event.getPayloadType().getSimpleName(), e);
        }
    }
}
