package org.reserveledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.reserveledger.api.axon.AppendedPositions;
import org.reserveledger.api.axon.CommandOrigin;
import org.reserveledger.api.security.ApiPrincipal;
import org.reserveledger.api.security.CurrentPrincipal;
import org.reserveledger.api.security.TokenDigest;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.UnknownResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs a REST command: dispatches it with its actor and the correlation id its response echoes
 * ({@link CommandCorrelation}), answers the position of the last event it appended, and honours
 * {@code Idempotency-Key}. The command, its events and
 * the stored idempotent response share one database transaction, and requests with the same key
 * are serialized by a transaction-scoped advisory lock, so a key has exactly one effect.
 */
@Component
public class CommandExecutor {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = CommandCorrelation.HEADER;

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final CommandGateway commandGateway;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AppendedPositions appended;

    public CommandExecutor(CommandGateway commandGateway, AppendedPositions appended,
                           PlatformTransactionManager transactions, JdbcClient jdbc, JsonMapper json) {
        this.commandGateway = commandGateway;
        this.appended = appended;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
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
        Dispatcher dispatcher = new Dispatcher(principal, CommandCorrelation.of(http));
        String key = http.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return action.apply(dispatcher);
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidRequest(IDEMPOTENCY_KEY, "must be 1 to 64 visible ASCII characters");
        }
        String requestHash = TokenDigest.sha256Hex(http.getMethod() + ' ' + http.getRequestURI() + '\n'
                + (request == null ? "" : json.writeValueAsString(request)));
        return transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)")
                    .param("lock", lockId(principal.name(), key))
                    .query((rs, n) -> 1)
                    .list();
            Optional<StoredResponse> stored = jdbc.sql("""
                            select request_hash, status, location, body from idempotency_record
                            where principal = :principal and idempotency_key = :key
                            """)
                    .param("principal", principal.name())
                    .param("key", key)
                    .query((rs, n) -> new StoredResponse(rs.getString("request_hash"), rs.getInt("status"),
                            rs.getString("location"), rs.getString("body")))
                    .optional();
            if (stored.isPresent()) {
                if (!stored.get().requestHash().equals(requestHash)) {
                    throw new IdempotencyKeyReused(key);
                }
                return stored.get().toResponse();
            }
            ResponseEntity<?> response = action.apply(dispatcher);
            URI location = response.getHeaders().getLocation();
            jdbc.sql("""
                            insert into idempotency_record (principal, idempotency_key, request_hash, status, location, body)
                            values (:principal, :key, :hash, :status, :location, :body)
                            """)
                    .param("principal", principal.name())
                    .param("key", key)
                    .param("hash", requestHash)
                    .param("status", response.getStatusCode().value())
                    .param("location", location == null ? null : location.toString())
                    .param("body", json.writeValueAsString(response.getBody()))
                    .update();
            return response;
        });
    }

    private static long lockId(String principal, String key) {
        String digest = TokenDigest.sha256Hex(principal + '\n' + key);
        return Long.parseUnsignedLong(digest.substring(0, 16), 16);
    }

    private record StoredResponse(String requestHash, int status, String location, String body) {

        /** The first response's body exactly as it was written, so amounts keep their scale. */
        ResponseEntity<String> toResponse() {
            ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.valueOf(status))
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotent-Replay", "true");
            if (location != null) {
                response.header(HttpHeaders.LOCATION, location);
            }
            return response.body(body);
        }
    }

    /**
     * Sends commands on behalf of the current request's principal.
     */
    public final class Dispatcher {

        private final ApiPrincipal principal;
        private final String correlationId;

        private Dispatcher(ApiPrincipal principal, String correlationId) {
            this.principal = principal;
            this.correlationId = correlationId;
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
            MetaData metaData = MetaData.with(CommandOrigin.ACTOR, principal.name())
                    .and(CommandOrigin.ACTOR_ROLE, principal.role().name())
                    .and(CommandOrigin.CORRELATION_ID, correlationId);
            AppendedPositions.Appended<R> sent;
            try {
                sent = appended.during(() -> commandGateway.sendAndWait(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)));
            } catch (AggregateNotFoundException e) {
                throw new UnknownResource("no " + target);
            } catch (AggregateStreamCreationException e) {
                throw new DomainRuleViolation("already-exists", target + " already exists");
            }
            return new Dispatched<>(sent.result(), sent.position());
        }
    }
}
