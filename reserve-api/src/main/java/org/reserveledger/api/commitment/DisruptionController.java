package org.reserveledger.api.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.reserveledger.api.web.CommandExecutor;
import org.reserveledger.api.web.Dispatched;
import org.reserveledger.api.web.validation.MineralCode;
import org.reserveledger.api.web.validation.PlainText;
import org.reserveledger.domain.shared.DisruptionId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.supply.DeclareDisruptionCommand;
import org.reserveledger.domain.supply.EndDisruptionCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/disruptions")
@Tag(name = "Governance")
class DisruptionController {

    private final CommandExecutor commands;
    private final Clock clock;

    DisruptionController(CommandExecutor commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Declare a supply disruption of a mineral, freezing emergency entitlements")
    ResponseEntity<?> declare(@Valid @RequestBody DeclareDisruptionRequest request, HttpServletRequest http) {
        return commands.execute(http, request, dispatcher -> {
            DisruptionId id = DisruptionId.random();
            Dispatched<Object> done = dispatcher.send(new DeclareDisruptionCommand(id, Mineral.valueOf(request.mineral()),
                    request.reason(), LocalDate.now(clock)), "mineral " + request.mineral());
            return ResponseEntity.created(URI.create("/api/v1/disruptions/" + id))
                    .body(new DisruptionResponse(id.value(), done.position()));
        });
    }

    @PostMapping("/{disruptionId}/end")
    @Operation(summary = "End a disruption; emergency draws become due for replenishment")
    ResponseEntity<?> end(@PathVariable UUID disruptionId, HttpServletRequest http) {
        return commands.execute(http, null, dispatcher -> {
            DisruptionId id = DisruptionId.of(disruptionId);
            Dispatched<Object> done = dispatcher.send(new EndDisruptionCommand(id, LocalDate.now(clock)),
                    "disruption " + id);
            return ResponseEntity.ok(new DisruptionResponse(id.value(), done.position()));
        });
    }

    record DeclareDisruptionRequest(@NotNull @MineralCode String mineral, @NotNull @PlainText(max = 500) String reason) {
    }

    record DisruptionResponse(UUID disruptionId, long position) {
    }
}
