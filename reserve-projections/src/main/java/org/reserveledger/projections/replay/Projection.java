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
    private final ReadModel.Parking parking;
    private final AnnotationEventHandlerAdapter handlers;

    public Projection(String name, List<String> tables, ReadModel.Parking parking, Object handlerBean) {
        this.name = name;
        this.tables = List.copyOf(tables);
        this.parking = parking;
        this.handlers = new AnnotationEventHandlerAdapter(handlerBean);
    }

    /** The tables the {@link ReadModel} on a projection's class declares, children before parents. */
    public static List<String> tablesOf(Class<?> projection) {
        ReadModel model = projection.getAnnotation(ReadModel.class);
        if (model == null) {
            throw new IllegalArgumentException(projection.getName() + " declares no read model");
        }
        return List.of(model.tables());
    }

    public String name() {
        return name;
    }

    public List<String> tables() {
        return tables;
    }

    /** Which events an event of this projection that is parked holds back. */
    public ReadModel.Parking parking() {
        return parking;
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
