package org.reserveledger.projections.replay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a projection: on its event handler bean, beside the {@code @ProcessingGroup} that names it, the tables
 * it alone writes and how an event it cannot apply is parked. This is all the service needs to know of it: the
 * {@link ProjectionCatalog} finds every bean so marked, and with it the rebuilds, checkpoints, views {@code asOf}
 * an instant, the admin endpoints and each processor's dead-letter queue. A view names the projections it reads
 * through its query ({@link ViewQuery}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReadModel {

    /** The tables the projection alone writes, children before parents. */
    String[] tables();

    /** Which events a parked one holds back until it is applied. */
    Parking parking();

    enum Parking {
        /**
         * The later events of its aggregate only: the projection's rows for one aggregate never depend on
         * another's.
         */
        PER_AGGREGATE,
        /** Every later event: the projection's rows join aggregates, so none may run ahead of a parked event. */
        ONE_SEQUENCE
    }
}
