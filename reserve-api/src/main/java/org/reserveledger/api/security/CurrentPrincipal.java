package org.reserveledger.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated principal of the request being handled.
 */
public final class CurrentPrincipal {

    private CurrentPrincipal() {
    }

    public static ApiPrincipal get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiPrincipal principal) {
            return principal;
        }
        throw new IllegalStateException("no authenticated principal; the security rules should have refused this request");
    }
}
