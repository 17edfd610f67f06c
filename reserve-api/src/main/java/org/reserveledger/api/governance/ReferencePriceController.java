package org.reserveledger.api.governance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.reserveledger.api.web.CommandExecutor;
import org.reserveledger.api.web.Dispatched;
import org.reserveledger.api.web.InvalidRequest;
import org.reserveledger.api.web.validation.BusinessDate;
import org.reserveledger.api.web.validation.Money;
import org.reserveledger.api.web.validation.PlainText;
import org.reserveledger.domain.pricing.SetReferencePriceCommand;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Usd;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;

@RestController
@Tag(name = "Governance")
class ReferencePriceController {

    private final CommandExecutor commands;

    ReferencePriceController(CommandExecutor commands) {
        this.commands = commands;
    }

    @PutMapping("/api/v1/reference-prices/{mineral}")
    @Operation(summary = "Set the price per tonne at which a mineral's stock is valued")
    ResponseEntity<?> set(@PathVariable String mineral, @Valid @RequestBody SetReferencePriceRequest request,
                          HttpServletRequest http) {
        Mineral code = Mineral.fromCode(mineral).orElseThrow(() ->
                new InvalidRequest("mineral", "must be a mineral code from GET /api/v1/minerals, such as LITHIUM"));
        return commands.execute(http, request, dispatcher -> {
            Dispatched<Object> done = dispatcher.send(new SetReferencePriceCommand(code,
                    Usd.of(request.pricePerTonneUsd()), request.effectiveFrom(),
                    request.source() == null ? SetReferencePriceCommand.SOURCE_NOT_STATED : request.source()),
                    "mineral " + code);
            return ResponseEntity.ok(new ReferencePriceSetResponse(code.name(), done.position()));
        });
    }

    /**
     * @param source where the price was taken from, e.g. a price reporting agency's assessment (optional)
     */
    record SetReferencePriceRequest(@NotNull @Money BigDecimal pricePerTonneUsd, @NotNull @BusinessDate LocalDate effectiveFrom,
                                    @PlainText(max = 200) String source) {
    }

    record ReferencePriceSetResponse(String mineral, long position) {
    }
}
