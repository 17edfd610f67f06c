package org.reserveledger.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reserveledger.projections.replay.ProjectionCheckpoints;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@Tag(name = "Admin")
class CheckpointController {

    private final ProjectionCheckpoints checkpoints;

    CheckpointController(ProjectionCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GetMapping("/api/v1/admin/checkpoints")
    @Operation(summary = "The projections' checkpoints on offer to views asOf a past instant, newest first")
    Checkpoints list() {
        return new Checkpoints(checkpoints.interval(), checkpoints.offered().stream()
                .map(c -> new Checkpoint(c.position(), c.recordedThrough(), c.lastEventPosition()))
                .toList());
    }

    /**
     * Builds now the checkpoints the schedule would build on its next run: one per interval of the settled stream
     * since the newest on offer (all of them after a rebuild or a migration retired the others), so that views asOf
     * any instant are again an interval's replay away. Answers once they are built, with those then on offer.
     */
    @PostMapping("/api/v1/admin/checkpoints")
    @Operation(summary = "Builds the checkpoints the settled stream allows now, and lists those on offer")
    Checkpoints build() {
        checkpoints.catchUp();
        return list();
    }

    /**
     * @param interval    positions between checkpoints
     * @param checkpoints newest first
     */
    record Checkpoints(long interval, List<Checkpoint> checkpoints) {
    }

    /**
     * @param position          every event up to this position is in the checkpoint
     * @param recordedThrough   the checkpoint serves views asOf this instant or later
     * @param lastEventPosition the last event up to {@code position}
     */
    record Checkpoint(long position, Instant recordedThrough, long lastEventPosition) {
    }
}
