package org.reserveledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Configured bearer tokens, {@code reserve.security.tokens[i].*}. Only each token's SHA-256
 * digest (64 hex digits) is configured, never the token itself.
 *
 * @param defaultManufacturerId the manufacturer bound to the generated manufacturer token
 */
@ConfigurationProperties("reserve.security")
public record TokenProperties(@DefaultValue List<Token> tokens,
                              @DefaultValue("VOLTCELL") String defaultManufacturerId) {

    public record Token(String name, Role role, String sha256, String manufacturerId) {
    }
}
