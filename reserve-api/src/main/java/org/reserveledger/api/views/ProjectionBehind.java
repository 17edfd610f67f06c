package org.reserveledger.api.views;

/**
 * A view that had not applied the requested position within the configured wait.
 */
public class ProjectionBehind extends RuntimeException {

    public ProjectionBehind(String projection, long requested, long applied) {
        super("the %s view has applied position %d, not yet %d; retry shortly".formatted(projection, applied, requested),
                null, false, false);
    }
}
