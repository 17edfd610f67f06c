package org.reserveledger.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.reserveledger.api.axon.CommandOrigin;
import org.reserveledger.api.web.CommandCorrelation;
import org.reserveledger.api.web.InvalidRequest;
import org.reserveledger.api.web.validation.BusinessDate;
import org.reserveledger.domain.shared.DateBounds;
import org.reserveledger.projections.audit.AuditLog;
import org.reserveledger.projections.audit.AuditVerifier;
import org.reserveledger.projections.audit.ChainAnchor;
import org.reserveledger.projections.audit.ChainEncoding;
import org.reserveledger.projections.audit.ChainVerification;
import org.reserveledger.projections.audit.RecordedEvent;
import org.reserveledger.projections.tracking.StreamPositions;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditController {

    static final String NDJSON = "application/x-ndjson";

    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MAX_TEXT = 255;

    private final AuditLog log;
    private final AuditVerifier verifier;
    private final JsonMapper json;
    /** Reads stored payloads without losing a digit: amounts stay decimals with their scale, never doubles. */
    private final ObjectReader exact;
    /** Writes export lines one after another with nothing between them: each line writes its own line feed. */
    private final ObjectWriter exportWriter;
    private final Clock clock;
    private final StreamPositions stream;

    AuditController(AuditLog log, AuditVerifier verifier, JsonMapper json, Clock clock, StreamPositions stream) {
        this.log = log;
        this.stream = stream;
        this.verifier = verifier;
        this.json = json;
        this.exact = json.readerFor(JsonNode.class)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
        this.exportWriter = json.writer().withRootValueSeparator((String) null);
        this.clock = clock;
    }

    @GetMapping("/events")
    @Operation(summary = "The stream in position order, each event with its actor, payload and integrity hash; "
            + "the filters given all apply (AND), and nextAfterPosition continues after the last event returned")
    AuditEventPage events(
            @Parameter(description = "return events after this position") @RequestParam(defaultValue = "0") @PositiveOrZero long afterPosition,
            @Parameter(description = "at most this many events (1-1000)") @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @Parameter(description = "only events of this type, by the name the log shows, e.g. LotDeposited")
            @RequestParam(required = false) String type,
            @Parameter(description = "only events of this aggregate, e.g. a site id or a commitment id")
            @RequestParam(required = false) String aggregateId,
            @Parameter(description = "only events caused by this principal (the token's name)")
            @RequestParam(required = false) String actor,
            @Parameter(description = "only events caused by the request with this X-Correlation-Id")
            @RequestParam(required = false) String correlationId,
            @Parameter(description = "only events recorded at or after this instant (ISO-8601 UTC; inclusive)",
                    schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String from,
            @Parameter(description = "only events recorded before this instant (ISO-8601 UTC; exclusive)",
                    schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String to) {
        AuditLog.Filter filter = filter(type, aggregateId, actor, correlationId, from, to);
        List<AuditEvent> events = log.page(afterPosition, limit, filter).stream().map(this::event).toList();
        Long next = events.size() < limit ? null : events.getLast().position();
        return new AuditEventPage(events, next);
    }

    private static AuditLog.Filter filter(String type, String aggregateId, String actor, String correlationId,
                                          String from, String to) {
        if (correlationId != null && !CommandCorrelation.VALID.matcher(correlationId).matches()) {
            throw new InvalidRequest("correlationId", "must be 1 to 64 visible ASCII characters");
        }
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        if (since != null && until != null && since.isAfter(until)) {
            throw new InvalidRequest("from", "must not be after to");
        }
        return new AuditLog.Filter(text("type", type), text("aggregateId", aggregateId), text("actor", actor),
                correlationId, since, until);
    }

    /** A filter's text: what the event table holds is at most 255 characters, and never blank or control characters. */
    private static String text(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new InvalidRequest(name, "must not be blank");
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidRequest(name, "must be at most " + MAX_TEXT + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequest(name, "must not contain control characters");
        }
        return value;
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(name, "must be an ISO-8601 instant, e.g. 2026-01-01T00:00:00Z");
        }
        if (!DateBounds.contains(instant)) {
            throw new InvalidRequest(name, "must be " + DateBounds.RANGE + " (UTC)");
        }
        return instant;
    }

    @GetMapping("/head")
    @Operation(summary = "The position of the last event recorded by an instant (default now), to the microsecond; "
            + "0 when none was")
    AuditHead head(@Parameter(description = "an instant (ISO-8601 UTC), not in the future")
                   @RequestParam(required = false) @BusinessDate Instant asOf) {
        Instant now = clock.instant();
        if (asOf != null && asOf.isAfter(now)) {
            throw new InvalidRequest("asOf", "must not be in the future");
        }
        Instant at = asOf == null ? now : asOf;
        return new AuditHead(at, stream.lastRecordedBy(at, 0).orElse(0L));
    }

    /** @param position the last event recorded by {@code asOf}, or 0 */
    record AuditHead(Instant asOf, long position) {
    }

    @GetMapping(value = "/export", produces = NDJSON)
    @Operation(summary = "Every event of the chain, in chain order, one JSON object per line with its stored bytes "
            + "(base64) and link hash; streamed from one snapshot")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType(NDJSON);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reserve-ledger-audit-"
                + Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "") + ".ndjson\"");
        // One generator for the whole export, each line written field by field exactly as ExportLine would be.
        try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
             JsonGenerator lines = exportWriter.createGenerator(out)) {
            log.export(entry -> ExportLine.write(entry, lines));
        }
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute the integrity chain from the event table; with an anchor recorded earlier "
            + "outside the system, also check the chain still passes through it")
    ChainVerification verify(
            @Parameter(description = "the anchor's position") @RequestParam(required = false) @Positive Long position,
            @Parameter(description = "the hash (hex) the chain had at the anchor's position")
            @RequestParam(required = false) String expectedHash) {
        if ((position == null) != (expectedHash == null)) {
            throw new InvalidRequest(position == null ? "position" : "expectedHash",
                    "an anchor needs both position and expectedHash");
        }
        if (expectedHash != null && !HASH.matcher(expectedHash).matches()) {
            throw new InvalidRequest("expectedHash", "must be a SHA-256 hash: 64 hexadecimal digits");
        }
        return verifier.verify(position == null ? null : new ChainAnchor(position, ChainEncoding.fromHex(expectedHash)));
    }

    private AuditEvent event(AuditLog.Entry entry) {
        RecordedEvent event = entry.event();
        JsonNode metaData = tree(event.metaData());
        JsonNode actor = metaData == null ? null : metaData.get(CommandOrigin.ACTOR);
        return new AuditEvent(event.position(), event.eventId(), event.simpleType(), event.payloadRevision(),
                event.aggregateType(), event.aggregateId(), event.sequence(), instant(event.timestamp()),
                actor == null || actor.isNull() ? null : actor.asString(), tree(event.payload()), metaData,
                entry.chainSequence(), ChainEncoding.hex(entry.hash()));
    }

    private JsonNode tree(byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            return exact.readValue(stored);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Instant instant(String stored) {
        try {
            return Instant.parse(stored);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
