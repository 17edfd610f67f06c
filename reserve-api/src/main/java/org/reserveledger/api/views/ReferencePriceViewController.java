package org.reserveledger.api.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import org.reserveledger.api.web.InvalidRequest;
import org.reserveledger.api.web.validation.BusinessDate;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.projections.inventory.FindPriceHistoryQuery;
import org.reserveledger.projections.inventory.FindReferencePricesQuery;
import org.reserveledger.projections.inventory.ReferencePrices;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import static org.reserveledger.api.views.ViewParameters.AS_OF;
import static org.reserveledger.api.views.ViewParameters.MIN_POSITION;

/** The reference prices as the inventory projection keeps them: in force on a date, and each mineral's history. */
@RestController
@Tag(name = "Governance")
class ReferencePriceViewController {

    private final ViewReader views;

    ReferencePriceViewController(ViewReader views) {
        this.views = views;
    }

    @GetMapping("/api/v1/reference-prices")
    @Operation(summary = "Each mineral's reference price in force on a business date (default today)")
    CompletableFuture<ResponseEntity<ReferencePrices>> inForce(
            @Parameter(description = "the business date YYYY-MM-DD whose prices are wanted; a price applies from its "
                    + "effectiveFrom on; default today, or the asOf instant's day")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @BusinessDate LocalDate valueDate,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) @PositiveOrZero Long minPosition,
            @Parameter(description = AS_OF) @RequestParam(required = false) @BusinessDate Instant asOf) {
        ViewPoint at = new ViewPoint(minPosition, asOf);
        return views.read(new FindReferencePricesQuery(views.businessDate(valueDate, at)),
                ReferencePrices.class, at);
    }

    @GetMapping("/api/v1/reference-prices/{mineral}")
    @Operation(summary = "Every reference price of a mineral by effective date, oldest first; a date set again shows "
            + "its correction (the audit log keeps each setting)")
    CompletableFuture<ResponseEntity<ReferencePrices>> history(
            @PathVariable String mineral,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) @PositiveOrZero Long minPosition,
            @Parameter(description = AS_OF) @RequestParam(required = false) @BusinessDate Instant asOf) {
        Mineral code = Mineral.fromCode(mineral).orElseThrow(() ->
                new InvalidRequest("mineral", "must be a mineral code from GET /api/v1/minerals, such as LITHIUM"));
        return views.read(new FindPriceHistoryQuery(code), ReferencePrices.class,
                new ViewPoint(minPosition, asOf));
    }
}
