package org.reserveledger.api.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts bearer tokens that authenticate nobody, in {@code reserve.security.authentication.failures}
 * tagged with the reason, and logs them without the token (a digest prefix tells repeated tokens
 * apart). The counter counts every failure; the log says at most one line per reason in each
 * interval, with how many failures it stands for, so that a client guessing tokens cannot flood it.
 */
@Component
class AuthenticationFailures {

    static final String METRIC = "reserve.security.authentication.failures";

    private static final Logger log = LoggerFactory.getLogger(AuthenticationFailures.class);
    private static final int DIGEST_PREFIX = 8;

    enum Reason {
        /** Well-formed, but no configured token has its digest. */
        UNKNOWN,
        /** Empty, not a bearer token, or with characters a bearer token cannot have. */
        MALFORMED,
        /** Longer than any token the service issues or accepts. */
        TOO_LONG;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);
    private final Map<Reason, AtomicLong> unlogged = new EnumMap<>(Reason.class);
    private final Map<Reason, AtomicLong> lastLogged = new EnumMap<>(Reason.class);
    private final long logIntervalNanos;

    AuthenticationFailures(MeterRegistry registry, AuthenticationFailureProperties properties) {
        this.logIntervalNanos = properties.logInterval().toNanos();
        for (Reason reason : Reason.values()) {
            counters.put(reason, Counter.builder(METRIC)
                    .description("Bearer tokens given that authenticate nobody")
                    .tag("reason", reason.tag())
                    .register(registry));
            unlogged.put(reason, new AtomicLong());
            lastLogged.put(reason, new AtomicLong(System.nanoTime() - logIntervalNanos));
        }
    }

    void record(Reason reason, String credentials, HttpServletRequest request) {
        counters.get(reason).increment();
        unlogged.get(reason).incrementAndGet();
        AtomicLong last = lastLogged.get(reason);
        long then = last.get();
        long now = System.nanoTime();
        if (now - then >= logIntervalNanos && last.compareAndSet(then, now)) {
            long failures = unlogged.get(reason).getAndSet(0);
            log.warn("Authentication failed ({}): token sha256 {}..., {} {} from {}; {} such failure(s) since the last line",
                    reason.tag(), TokenDigest.sha256Hex(credentials).substring(0, DIGEST_PREFIX),
                    request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), failures);
        }
    }
}
