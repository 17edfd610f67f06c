package org.reserveledger.api.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.reserveledger.projections.financing.FindFinancingHistoryQuery;
import org.reserveledger.projections.financing.FindFinancingQuery;
import org.reserveledger.projections.financing.Financing;
import org.reserveledger.projections.financing.FinancingHistory;
import org.reserveledger.projections.financing.FinancingProjection;
import org.reserveledger.projections.inventory.InventoryProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.reserveledger.api.views.ViewParameters.AS_OF;

@RestController
@Tag(name = "Views")
class FinancingViewController {

    // Collateral values the stock held, which the inventory projection keeps.
    private static final List<String> PROJECTIONS = List.of(FinancingProjection.NAME, InventoryProjection.NAME);
    private static final int MAX_VALUE_DATES = 120;

    private final ViewReader views;
    private final BigDecimal requiredCoverageRatio;

    FinancingViewController(ViewReader views,
                            @Value("${reserve.financing.required-coverage-ratio:1.25}") BigDecimal requiredCoverageRatio) {
        this.views = views;
        this.requiredCoverageRatio = requiredCoverageRatio;
    }

    @GetMapping("/api/v1/views/financing")
    @Operation(summary = "Facilities, private capital, fees, sources and uses, and collateral on a value date (default today)")
    ResponseEntity<Financing> financing(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate valueDate,
            @RequestParam(required = false) @PositiveOrZero Long minPosition,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return views.read(PROJECTIONS, minPosition, asOf,
                new FindFinancingQuery(valueDate == null ? views.today(asOf) : valueDate, requiredCoverageRatio),
                Financing.class);
    }

    @GetMapping("/api/v1/views/financing/history")
    @Operation(summary = "The financing view on each of up to " + MAX_VALUE_DATES + " value dates, in the order given, "
            + "all drawn from one state of the stream (one replay under asOf)")
    ResponseEntity<FinancingHistory> history(
            @Parameter(description = "value dates, comma-separated (e.g. month ends)")
            @RequestParam @NotEmpty @Size(max = MAX_VALUE_DATES)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> valueDates,
            @RequestParam(required = false) @PositiveOrZero Long minPosition,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return views.read(PROJECTIONS, minPosition, asOf,
                new FindFinancingHistoryQuery(valueDates, requiredCoverageRatio), FinancingHistory.class);
    }
}
