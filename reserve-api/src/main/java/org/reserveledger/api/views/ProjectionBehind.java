package org.reserveledger.api.views;

/**
 * A view that cannot answer at the requested position now: it had not applied it within the
 * configured wait, the position is beyond the stream's head, or too many requests already wait.
 */
public class ProjectionBehind extends RuntimeException {

    public ProjectionBehind(String projection, long requested, long applied) {
        this("the %s view has applied position %d, not yet %d; retry shortly".formatted(projection, applied, requested));
    }

    private ProjectionBehind(String detail) {
        super(detail, null, false, false);
    }

    /** A position no event holds yet: waiting cannot bring it, only a later append. */
    static ProjectionBehind beyondHead(long requested, long head) {
        return new ProjectionBehind(("position %d is beyond the stream's head (%d): no event holds it yet; "
                + "retry once it has been written").formatted(requested, head));
    }

    static ProjectionBehind tooManyWaiting(int max) {
        return new ProjectionBehind("%d requests already wait for positions, the most this node holds; retry shortly"
                .formatted(max));
    }

    /** The positions could not be read before the wait ran out. */
    static ProjectionBehind unread(long requested) {
        return new ProjectionBehind("the view's position could not be read within the wait for %d; retry shortly"
                .formatted(requested));
    }
}
