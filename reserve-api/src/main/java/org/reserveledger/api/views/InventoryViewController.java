package org.reserveledger.api.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import org.reserveledger.api.web.validation.BusinessDate;
import org.reserveledger.projections.concentration.Concentration;
import org.reserveledger.projections.concentration.FindConcentrationQuery;
import org.reserveledger.projections.inventory.FindInventoryByMineralQuery;
import org.reserveledger.projections.inventory.FindInventoryBySiteQuery;
import org.reserveledger.projections.inventory.InventoryByMineral;
import org.reserveledger.projections.inventory.InventoryBySite;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import static org.reserveledger.api.views.ViewParameters.AS_OF;
import static org.reserveledger.api.views.ViewParameters.MIN_POSITION;
import static org.reserveledger.api.views.ViewParameters.VALUE_DATE;

@RestController
@RequestMapping("/api/v1/views")
@Tag(name = "Views")
class InventoryViewController {

    private final ViewReader views;

    InventoryViewController(ViewReader views) {
        this.views = views;
    }

    @GetMapping("/inventory-by-site")
    @Operation(summary = "Stock per site and mineral at the end of a business date, with material in transit to each site")
    CompletableFuture<ResponseEntity<InventoryBySite>> bySite(
            @Parameter(description = VALUE_DATE) @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @BusinessDate LocalDate valueDate,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) @PositiveOrZero Long minPosition,
            @Parameter(description = AS_OF) @RequestParam(required = false) @BusinessDate Instant asOf) {
        ViewPoint at = new ViewPoint(minPosition, asOf);
        return views.read(new FindInventoryBySiteQuery(views.businessDate(valueDate, at)),
                InventoryBySite.class, at);
    }

    @GetMapping("/inventory-by-mineral")
    @Operation(summary = "The national position per mineral at the end of a business date: the sum over sites, what "
            + "manufacturers drew in the 365 days to it and the days of cover that consumption leaves")
    CompletableFuture<ResponseEntity<InventoryByMineral>> byMineral(
            @Parameter(description = VALUE_DATE) @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @BusinessDate LocalDate valueDate,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) @PositiveOrZero Long minPosition,
            @Parameter(description = AS_OF) @RequestParam(required = false) @BusinessDate Instant asOf) {
        ViewPoint at = new ViewPoint(minPosition, asOf);
        return views.read(new FindInventoryByMineralQuery(views.businessDate(valueDate, at)),
                InventoryByMineral.class, at);
    }

    @GetMapping("/concentration")
    @Operation(summary = "Origin shares per mineral and the Herfindahl-Hirschman index of the stock held at the end "
            + "of a business date")
    CompletableFuture<ResponseEntity<Concentration>> concentration(
            @Parameter(description = VALUE_DATE) @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @BusinessDate LocalDate valueDate,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) @PositiveOrZero Long minPosition,
            @Parameter(description = AS_OF) @RequestParam(required = false) @BusinessDate Instant asOf) {
        ViewPoint at = new ViewPoint(minPosition, asOf);
        return views.read(new FindConcentrationQuery(views.businessDate(valueDate, at)),
                Concentration.class, at);
    }
}
