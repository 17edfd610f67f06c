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
    /** The identifier of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    private CommandOrigin() {
    }
}
