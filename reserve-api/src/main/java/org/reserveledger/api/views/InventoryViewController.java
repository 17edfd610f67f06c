package org.reserveledger.api.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import org.reserveledger.projections.inventory.FindInventoryByMineralQuery;
import org.reserveledger.projections.inventory.FindInventoryBySiteQuery;
import org.reserveledger.projections.inventory.InventoryByMineral;
import org.reserveledger.projections.inventory.InventoryBySite;
import org.reserveledger.projections.inventory.InventoryProjection;
import org.springframework.http.ResponseEntity;

import java.time.Instant;

import static org.reserveledger.api.views.ViewParameters.AS_OF;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/views")
@Tag(name = "Views")
class InventoryViewController {

    private final ViewReader views;

    InventoryViewController(ViewReader views) {
        this.views = views;
    }

    @GetMapping("/inventory-by-site")
    @Operation(summary = "Stock per site and mineral, with material in transit to each site")
    ResponseEntity<InventoryBySite> bySite(
            @Parameter(description = "wait until the view has applied this event position")
            @RequestParam(required = false) @PositiveOrZero Long minPosition,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return views.read(InventoryProjection.NAME, minPosition, asOf, new FindInventoryBySiteQuery(),
                InventoryBySite.class);
    }

    @GetMapping("/inventory-by-mineral")
    @Operation(summary = "The national position per mineral: the sum over sites, what manufacturers drew in the "
            + "365 days to today (or to the asOf day) and the days of cover that consumption leaves")
    ResponseEntity<InventoryByMineral> byMineral(
            @Parameter(description = "wait until the view has applied this event position")
            @RequestParam(required = false) @PositiveOrZero Long minPosition,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return views.read(InventoryProjection.NAME, minPosition, asOf, new FindInventoryByMineralQuery(views.today(asOf)),
                InventoryByMineral.class);
    }
}
