package org.reserveledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How failed authentications are logged, {@code reserve.security.authentication-failures.*}.
 *
 * @param logInterval at most one log line per reason in this interval; the metric counts every failure
 */
@ConfigurationProperties("reserve.security.authentication-failures")
public record AuthenticationFailureProperties(@DefaultValue("10s") Duration logInterval) {
}
