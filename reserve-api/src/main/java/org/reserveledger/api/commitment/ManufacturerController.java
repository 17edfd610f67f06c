package org.reserveledger.api.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.reserveledger.api.web.CommandExecutor;
import org.reserveledger.api.web.Dispatched;
import org.reserveledger.api.web.validation.ClientCode;
import org.reserveledger.api.web.validation.PlainText;
import org.reserveledger.domain.commitment.RegisterManufacturerCommand;
import org.reserveledger.domain.shared.ManufacturerId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@Tag(name = "Manufacturers and offtake commitments")
class ManufacturerController {

    private final CommandExecutor commands;

    ManufacturerController(CommandExecutor commands) {
        this.commands = commands;
    }

    @PostMapping("/api/v1/manufacturers")
    @Operation(summary = "Register a manufacturer that may commit to offtake")
    ResponseEntity<?> register(@Valid @RequestBody RegisterManufacturerRequest request, HttpServletRequest http) {
        return commands.execute(http, request, dispatcher -> {
            ManufacturerId id = ManufacturerId.of(request.manufacturerId());
            Dispatched<Object> done = dispatcher.send(new RegisterManufacturerCommand(id, request.name()),
                    "manufacturer " + id);
            return ResponseEntity.created(URI.create("/api/v1/manufacturers/" + id.value()))
                    .body(new ManufacturerRegisteredResponse(id.value(), done.position()));
        });
    }

    record RegisterManufacturerRequest(@NotNull @ClientCode String manufacturerId,
                                       @NotNull @PlainText(max = 120) String name) {
    }

    record ManufacturerRegisteredResponse(String manufacturerId, long position) {
    }
}
