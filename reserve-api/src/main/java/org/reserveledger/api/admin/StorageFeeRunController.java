package org.reserveledger.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reserveledger.api.commitment.StorageFees;
import org.reserveledger.api.security.CurrentPrincipal;
import org.reserveledger.api.web.InvalidRequest;
import org.reserveledger.api.web.validation.BusinessDate;
import org.reserveledger.projections.tracking.StreamPositions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

@RestController
@Tag(name = "Admin")
class StorageFeeRunController {

    private final StorageFees fees;
    private final StreamPositions stream;
    private final Clock clock;

    StorageFeeRunController(StorageFees fees, StreamPositions stream, Clock clock) {
        this.fees = fees;
        this.stream = stream;
        this.clock = clock;
    }

    @PostMapping("/api/v1/admin/storage-fees/run")
    @Operation(summary = "Charge the storage fees of every month ended by a date (default today) not yet charged")
    StorageFeeRun run(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @BusinessDate LocalDate through) {
        LocalDate today = LocalDate.now(clock);
        LocalDate date = through == null ? today : through;
        if (date.isAfter(today)) {
            throw new InvalidRequest("through", "must not be in the future");
        }
        int charged = fees.chargeThrough(date, CurrentPrincipal.get().name());
        long position = stream.head();
        return new StorageFeeRun(date, charged, position);
    }

    record StorageFeeRun(LocalDate through, int monthsCharged, long position) {
    }
}
