package org.reserveledger.api.web;

import org.reserveledger.api.security.TokenDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Optional;

/**
 * The first response to each principal's {@code Idempotency-Key}, kept in {@code idempotency_record}.
 * Must be used in the transaction of the command it answers: {@link #lock} serializes requests with the
 * same key until that transaction ends, so a key has exactly one effect.
 */
@Component
class IdempotencyRecords {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IdempotencyRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Waits for any other request with this key to finish, then answers the response it stored, if any. */
    Optional<Stored> lock(String principal, String key) {
        jdbc.sql("select pg_advisory_xact_lock(:lock)")
                .param("lock", lockId(principal, key))
                .query((rs, n) -> 1)
                .list();
        return jdbc.sql("""
                        select request_hash, status, location, body from idempotency_record
                        where principal = :principal and idempotency_key = :key
                        """)
                .param("principal", principal)
                .param("key", key)
                .query((rs, n) -> new Stored(rs.getString("request_hash"), rs.getInt("status"),
                        rs.getString("location"), rs.getString("body")))
                .optional();
    }

    void store(String principal, String key, String requestHash, ResponseEntity<?> response) {
        URI location = response.getHeaders().getLocation();
        jdbc.sql("""
                        insert into idempotency_record (principal, idempotency_key, request_hash, status, location, body)
                        values (:principal, :key, :hash, :status, :location, :body)
                        """)
                .param("principal", principal)
                .param("key", key)
                .param("hash", requestHash)
                .param("status", response.getStatusCode().value())
                .param("location", location == null ? null : location.toString())
                .param("body", json.writeValueAsString(response.getBody()))
                .update();
    }

    private static long lockId(String principal, String key) {
        String digest = TokenDigest.sha256Hex(principal + '\n' + key);
        return Long.parseUnsignedLong(digest.substring(0, 16), 16);
    }

    record Stored(String requestHash, int status, String location, String body) {

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
}
