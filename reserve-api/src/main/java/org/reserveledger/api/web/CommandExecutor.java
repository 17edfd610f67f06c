package org.reserveledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.reserveledger.api.axon.AppendedPositions;
import org.reserveledger.api.security.ApiPrincipal;
import org.reserveledger.api.security.CurrentPrincipal;
import org.reserveledger.api.security.TokenDigest;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.UnknownResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a REST command: dispatches it and answers the position of the last event it appended, once per
 * {@code Idempotency-Key}. The command, its events and the stored response share one database
 * transaction ({@link IdempotencyRecords}). Who sent it and the correlation id its response echoes are
 * put on the command by {@link RequestOrigin}.
 */
@Component
public class CommandExecutor {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = CommandCorrelation.HEADER;

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");
    /** How many times a command that raced with another instance is sent before its 409 is answered. */
    private static final int ATTEMPTS = 3;

    private final CommandGateway commandGateway;
    private final AppendedPositions appended;
    private final IdempotencyRecords idempotency;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    CommandExecutor(CommandGateway commandGateway, AppendedPositions appended, IdempotencyRecords idempotency,
                    PlatformTransactionManager transactions, JsonMapper json) {
        this.commandGateway = commandGateway;
        this.appended = appended;
        this.idempotency = idempotency;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
    }

    /**
     * Runs {@code action}, which sends commands through the given {@link Dispatcher} and builds
     * the response, once per idempotency key.
     *
     * @param request the parsed request body (or null), part of what makes two requests "the same"
     */
    public ResponseEntity<?> execute(HttpServletRequest http, Object request,
                                     Function<Dispatcher, ResponseEntity<?>> action) {
        ApiPrincipal principal = CurrentPrincipal.get();
        Dispatcher dispatcher = new Dispatcher(principal);
        String key = http.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return action.apply(dispatcher);
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidRequest(IDEMPOTENCY_KEY, "must be 1 to 64 visible ASCII characters");
        }
        String requestHash = TokenDigest.sha256Hex(http.getMethod() + ' ' + http.getRequestURI() + '\n'
                + (request == null ? "" : json.writeValueAsString(request)));
        // A command of the action that raced with another instance rolls back the whole transaction: it runs again.
        return again(() -> transaction.execute(status -> {
            Optional<IdempotencyRecords.Stored> stored = idempotency.lock(principal.name(), key);
            if (stored.isPresent()) {
                if (!stored.get().requestHash().equals(requestHash)) {
                    throw new IdempotencyKeyReused(key);
                }
                return stored.get().toResponse();
            }
            ResponseEntity<?> response = action.apply(dispatcher);
            idempotency.store(principal.name(), key, requestHash, response);
            return response;
        }));
    }

    /**
     * Runs {@code attempt} until it is not refused for a race with another service instance on an aggregate
     * (its append came after events it had not seen, or it was decided on a cached copy that was behind the
     * store), at most {@link #ATTEMPTS} times; each run is rolled back entirely before the next.
     */
    private static <R> R again(Supplier<R> attempt) {
        for (int run = 1; ; run++) {
            try {
                return attempt.get();
            } catch (ConcurrencyException raced) {
                if (run == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /**
     * Sends commands on behalf of the current request's principal.
     */
    public final class Dispatcher {

        private final ApiPrincipal principal;

        private Dispatcher(ApiPrincipal principal) {
            this.principal = principal;
        }

        public ApiPrincipal principal() {
            return principal;
        }

        /**
         * Sends a command and waits for it.
         *
         * @param target what the command addresses, for the 404 answer when it does not exist (e.g. "site NV-RENO-01")
         */
        public <R> Dispatched<R> send(Object command, String target) {
            try {
                // Inside a transaction of the request's (an idempotent one) a race rolls all of it back, and it runs
                // again as a whole; otherwise only this command is sent again.
                AppendedPositions.Appended<R> sent = TransactionSynchronizationManager.isActualTransactionActive()
                        ? appended.during(() -> commandGateway.sendAndWait(command))
                        : again(() -> appended.during(() -> commandGateway.sendAndWait(command)));
                return new Dispatched<>(sent.result(), sent.position());
            } catch (AggregateNotFoundException e) {
                throw new UnknownResource("no " + target);
            } catch (AggregateStreamCreationException e) {
                throw new DomainRuleViolation("already-exists", target + " already exists");
            }
        }
    }
}
