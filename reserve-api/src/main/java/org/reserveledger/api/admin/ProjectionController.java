package org.reserveledger.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

    private final ProjectionCatalog catalog;
    private final ProjectionPositions positions;
    private final ProjectionRebuilds rebuilds;
    private final StreamPositions stream;

    ProjectionController(ProjectionCatalog catalog, ProjectionPositions positions, ProjectionRebuilds rebuilds,
                         StreamPositions stream) {
        this.catalog = catalog;
        this.positions = positions;
        this.rebuilds = rebuilds;
        this.stream = stream;
    }

    @GetMapping("/api/v1/admin/projections")
    @Operation(summary = "Each projection's position, the stream's head, and any rebuild's progress")
    List<ProjectionState> projections() {
        long head = stream.head();
        return catalog.all().stream().map(projection -> state(projection, head)).toList();
    }

    @GetMapping("/api/v1/admin/projections/{name}")
    @Operation(summary = "One projection's position, the stream's head, and any rebuild's progress")
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
                        rebuild.failure()));
    }

    /**
     * @param position     the last event position the live view has applied
     * @param headPosition the stream's last position
     * @param replaying    whether a rebuild is under way (the view meanwhile answers from its last complete tables)
     * @param progress     of the rebuild while replaying, else of the live view: applied position over head, 0 to 1
     * @param rebuild      the current or last rebuild, or {@code null} if there has been none
     */
    record ProjectionState(String name, long position, long headPosition, boolean replaying, BigDecimal progress,
                           LastRebuild rebuild) {
    }

    /**
     * @param position the last position the rebuild applied
     * @param events   events it replayed
     * @param failure  why it failed, or {@code null}
     */
    record LastRebuild(Instant startedAt, Instant finishedAt, long position, long events, String failure) {
    }
}
