package org.reserveledger.api.web.container;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Bounds on a request body, {@code reserve.http.request-body.*}: the largest JSON command is a few
 * kilobytes, so anything near these bounds is a mistake or an attack.
 *
 * @param maxSize     the largest body accepted, with or without {@code Content-Length}; larger is 413
 * @param readTimeout the longest a client may take to send its whole body; slower is 408
 */
@ConfigurationProperties("reserve.http.request-body")
public record RequestBodyProperties(@DefaultValue("1MB") DataSize maxSize,
                                    @DefaultValue("10s") Duration readTimeout) {
}
