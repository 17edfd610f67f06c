package org.reserveledger.projections.replay;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;

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

    /** The projection named {@code name} whose handlers are the bean's, with what its {@link ReadModel} declares. */
    public Projection(String name, Object handlerBean) {
        ReadModel model = modelOf(AopUtils.getTargetClass(handlerBean));
        this.name = name;
        this.tables = List.of(model.tables());
        this.parking = model.parking();
        this.handlers = new AnnotationEventHandlerAdapter(handlerBean);
    }

    /** The tables the {@link ReadModel} on a projection's class declares, children before parents. */
    public static List<String> tablesOf(Class<?> projection) {
        return List.of(modelOf(projection).tables());
    }

    private static ReadModel modelOf(Class<?> projection) {
        ReadModel model = AnnotatedElementUtils.findMergedAnnotation(projection, ReadModel.class);
        if (model == null) {
            throw new IllegalArgumentException(projection.getName() + " declares no read model");
        }
        return model;
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
