package org.reserveledger.api.axon;

/**
 * Metadata keys that say who caused an event and through which command.
 */
public final class CommandOrigin {

    /** The authenticated principal that sent the command. */
    public static final String ACTOR = "actor";
    /** The principal's role when it sent the command. */
    public static final String ACTOR_ROLE = "actorRole";
    /** Shared by every message that one client request caused. */
    public static final String CORRELATION_ID = "correlationId";
    /**
     * The request attribute that holds the correlation id of the HTTP request being served, the one its
     * response echoes in {@code X-Correlation-Id}.
     */
    public static final String REQUEST_CORRELATION_ID = CommandOrigin.class.getName() + ".requestCorrelationId";
    /** The identifier of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    private CommandOrigin() {
    }
}
