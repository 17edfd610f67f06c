package org.reserveledger.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reserveledger.api.axon.ParkedEvents;
import org.reserveledger.api.axon.ParkedEvents.ParkedEvent;
import org.reserveledger.api.axon.ParkedEvents.Retried;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.UnknownResource;
import org.reserveledger.projections.replay.Projection;
import org.reserveledger.projections.replay.ProjectionCatalog;
import org.reserveledger.projections.replay.ProjectionRebuilds;
import org.reserveledger.projections.replay.RebuildStatus;
import org.reserveledger.projections.tracking.ProjectionPositions;
import org.reserveledger.projections.tracking.StreamPositions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.util.List;

@RestController
@Tag(name = "Admin")
class ProjectionController {

    /** Parked events listed per projection; the count says how many there are in all. */
    private static final int LETTERS_SHOWN = 100;

    private final ProjectionCatalog catalog;
    private final ProjectionPositions positions;
    private final ProjectionRebuilds rebuilds;
    private final StreamPositions stream;
    private final ParkedEvents parked;

    ProjectionController(ProjectionCatalog catalog, ProjectionPositions positions, ProjectionRebuilds rebuilds,
                         StreamPositions stream, ParkedEvents parked) {
        this.catalog = catalog;
        this.positions = positions;
        this.rebuilds = rebuilds;
        this.stream = stream;
        this.parked = parked;
    }

    @GetMapping("/api/v1/admin/projections")
    @Operation(summary = "Each projection's position, the stream's head, any rebuild's progress and the events it parked")
    List<ProjectionState> projections() {
        long head = stream.head();
        return catalog.all().stream().map(projection -> state(projection, head)).toList();
    }

    @GetMapping("/api/v1/admin/projections/{name}")
    @Operation(summary = "One projection's position, the stream's head, any rebuild's progress and the events it parked")
    ProjectionState projection(@PathVariable String name) {
        return state(named(name), stream.head());
    }

    @PostMapping("/api/v1/admin/projections/{name}/rebuild")
    @Operation(summary = "Replay one projection from the start, aside; its view keeps answering from its last "
            + "complete tables until the rebuilt ones are swapped in")
    ResponseEntity<ProjectionState> rebuild(@PathVariable String name) {
        Projection projection = named(name);
        if (!rebuilds.start(projection.name())) {
            throw new DomainRuleViolation("projection-rebuilding", "projection " + name + " is already being rebuilt");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/admin/projections/" + projection.name()))
                .body(state(projection, stream.head()));
    }

    @PostMapping("/api/v1/admin/projections/{name}/dead-letters/retry")
    @Operation(summary = "Apply the projection's parked events again now, each sequence from its first event on; "
            + "a sequence whose first event fails again stays parked")
    Retried retry(@PathVariable String name) {
        return parked.retry(named(name).name());
    }

    @DeleteMapping("/api/v1/admin/projections/{name}/dead-letters/{sequence}")
    @Operation(summary = "Evict the first parked event of a sequence, the one that failed: the projection will never "
            + "apply it (a rebuild after the cause is fixed brings it back); the events parked behind it follow "
            + "at the next retry")
    Evicted evict(@PathVariable String name, @PathVariable String sequence) {
        Projection projection = named(name);
        ParkedEvent evicted = parked.evict(projection.name(), sequence).orElseThrow(() -> new UnknownResource(
                "projection " + name + " has no event parked in sequence " + sequence));
        return new Evicted(projection.name(), evicted, parked.count(projection.name()));
    }

    private Projection named(String name) {
        return catalog.named(name).orElseThrow(() -> new UnknownResource("no projection " + name));
    }

    private ProjectionState state(Projection projection, long head) {
        long position = positions.position(projection.name());
        RebuildStatus rebuild = rebuilds.status(projection.name());
        long progressed = rebuild.replaying() ? rebuild.position() : position;
        BigDecimal progress = head <= 0 ? BigDecimal.ONE : BigDecimal.valueOf(Math.max(0, Math.min(progressed, head)))
                .divide(BigDecimal.valueOf(head), 4, RoundingMode.DOWN);
        return new ProjectionState(projection.name(), position, head, rebuild.replaying(), progress,
                rebuild.startedAt() == null ? null
                        : new LastRebuild(rebuild.startedAt(), rebuild.finishedAt(), rebuild.position(), rebuild.events(),
                        rebuild.failure()),
                new DeadLetters(parked.count(projection.name()), parked.list(projection.name(), LETTERS_SHOWN)));
    }

    /**
     * @param position     the last event position the live view has applied
     * @param headPosition the stream's last position
     * @param replaying    whether a rebuild is under way (the view meanwhile answers from its last complete tables)
     * @param progress     of the rebuild while replaying, else of the live view: applied position over head, 0 to 1
     * @param rebuild      the current or last rebuild, or {@code null} if there has been none
     * @param deadLetters  the events the live view parked: it has moved past them without applying them
     */
    record ProjectionState(String name, long position, long headPosition, boolean replaying, BigDecimal progress,
                           LastRebuild rebuild, DeadLetters deadLetters) {
    }

    /**
     * @param count   events parked in all
     * @param letters the first of them, sequence by sequence, each sequence in stream order
     */
    record DeadLetters(long count, List<ParkedEvent> letters) {
    }

    /**
     * @param evicted   the event the projection will never apply
     * @param remaining events still parked in the projection
     */
    record Evicted(String projection, ParkedEvent evicted, long remaining) {
    }

    /**
     * @param position the last position the rebuild applied
     * @param events   events it replayed
     * @param failure  why it failed, or {@code null}
     */
    record LastRebuild(Instant startedAt, Instant finishedAt, long position, long events, String failure) {
    }
}
