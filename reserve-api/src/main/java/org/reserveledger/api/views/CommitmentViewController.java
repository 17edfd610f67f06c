package org.reserveledger.api.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import org.reserveledger.api.web.validation.BusinessDate;
import org.reserveledger.api.security.ApiPrincipal;
import org.reserveledger.api.security.CurrentPrincipal;
import org.reserveledger.api.security.Role;
import org.reserveledger.api.web.NotAllowed;
import org.reserveledger.api.web.validation.ClientCode;
import org.reserveledger.domain.shared.UnknownResource;
import org.reserveledger.projections.commitment.CommitmentList;
import org.reserveledger.projections.commitment.CommitmentSummary;
import org.reserveledger.projections.commitment.FindCommitmentsQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.reserveledger.api.views.ViewParameters.AS_OF;
import static org.reserveledger.api.views.ViewParameters.MIN_POSITION;

@RestController
@RequestMapping("/api/v1/views")
@Tag(name = "Views")
class CommitmentViewController {

    private static final String VALUE_DATE = "the business date YYYY-MM-DD (default today, or the day of asOf): "
            + "draws by drawnOn, replenishments by replenishedOn, storage fees charged to it, status on it";

    private final ViewReader views;

    CommitmentViewController(ViewReader views) {
        this.views = views;
    }

    @GetMapping("/commitments")
    @Operation(summary = "Commitments with their draws at the end of a value date (default today); "
            + "a manufacturer's token sees only its own")
    CompletableFuture<ResponseEntity<CommitmentList>> commitments(
            @RequestParam(required = false) @ClientCode String manufacturerId,
            @Parameter(description = VALUE_DATE)
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @BusinessDate LocalDate valueDate,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) @PositiveOrZero Long minPosition,
            @Parameter(description = AS_OF) @RequestParam(required = false) @BusinessDate Instant asOf) {
        ApiPrincipal principal = CurrentPrincipal.get();
        String filter = manufacturerId;
        if (principal.role() == Role.MANUFACTURER) {
            if (manufacturerId != null && !manufacturerId.equals(principal.manufacturerId())) {
                throw new NotAllowed("a manufacturer's token sees only its own commitments");
            }
            filter = principal.manufacturerId();
        }
        ViewPoint at = new ViewPoint(minPosition, asOf);
        LocalDate on = views.businessDate(valueDate, at);
        return views.read(new FindCommitmentsQuery(filter, on), CommitmentList.class, at);
    }

    @GetMapping("/commitments/{commitmentId}")
    @Operation(summary = "One commitment with its draws at the end of a value date (default today); "
            + "a manufacturer's token sees only its own")
    CompletableFuture<ResponseEntity<CommitmentSummary>> commitment(
            @PathVariable UUID commitmentId,
            @Parameter(description = VALUE_DATE)
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @BusinessDate LocalDate valueDate,
            @Parameter(description = MIN_POSITION) @RequestParam(required = false) @PositiveOrZero Long minPosition,
            @Parameter(description = AS_OF) @RequestParam(required = false) @BusinessDate Instant asOf) {
        return commitments(null, valueDate, minPosition, asOf).thenApply(answer -> {
            CommitmentSummary commitment = answer.getBody().commitments().stream()
                    .filter(c -> c.commitmentId().equals(commitmentId.toString()))
                    .findFirst()
                    .orElseThrow(() -> new UnknownResource("no commitment " + commitmentId));
            return ResponseEntity.ok().headers(answer.getHeaders()).body(commitment);
        });
    }
}
