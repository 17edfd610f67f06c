package org.reserveledger.api.security;

import java.security.Principal;
import java.util.Optional;

/**
 * The holder of a bearer token: a name recorded as the actor of the events it causes, a role,
 * and for a manufacturer the one manufacturer it acts for.
 */
public record ApiPrincipal(String name, Role role, String manufacturerId) implements Principal {

    @Override
    public String getName() {
        return name;
    }

    public Optional<String> manufacturer() {
        return Optional.ofNullable(manufacturerId);
    }
}
