package org.reserveledger.api.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import org.reserveledger.api.web.validation.BusinessDate;
import org.reserveledger.projections.financing.FindFinancingHistoryQuery;
import org.reserveledger.projections.financing.FindFinancingQuery;
import org.reserveledger.projections.financing.Financing;
import org.reserveledger.projections.financing.FinancingHistory;
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
import java.util.concurrent.CompletableFuture;

import static org.reserveledger.api.views.ViewParameters.AS_OF;
import static org.reserveledger.api.views.ViewParameters.MIN_POSITION;

@RestController
@Tag(name = "Views")
class FinancingViewController {

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
    CompletableFuture<ResponseEntity<Financing>> financing(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @BusinessDate LocalDate valueDate,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) @PositiveOrZero Long minPosition,
            @Parameter(description = AS_OF) @RequestParam(required = false) @BusinessDate Instant asOf) {
        ViewPoint at = new ViewPoint(minPosition, asOf);
        LocalDate on = views.businessDate(valueDate, at);
        return views.read(new FindFinancingQuery(on, requiredCoverageRatio), Financing.class, at);
    }

    @GetMapping("/api/v1/views/financing/history")
    @Operation(summary = "The financing view on each of up to " + MAX_VALUE_DATES + " value dates, in the order given, "
            + "all drawn from one state of the stream (one replay under asOf)")
    CompletableFuture<ResponseEntity<FinancingHistory>> history(
            @Parameter(description = "value dates YYYY-MM-DD, comma-separated (e.g. month ends), 1 to " + MAX_VALUE_DATES)
            @RequestParam String valueDates,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) @PositiveOrZero Long minPosition,
            @Parameter(description = AS_OF) @RequestParam(required = false) @BusinessDate Instant asOf) {
        List<LocalDate> dates = ViewParameters.valueDates("valueDates", valueDates, MAX_VALUE_DATES);
        return views.read(new FindFinancingHistoryQuery(dates, requiredCoverageRatio),
                FinancingHistory.class, new ViewPoint(minPosition, asOf));
    }
}
