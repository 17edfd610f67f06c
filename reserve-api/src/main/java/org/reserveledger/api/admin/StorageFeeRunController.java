package org.reserveledger.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reserveledger.api.commitment.StorageFees;
import org.reserveledger.api.security.CurrentPrincipal;
import org.reserveledger.api.web.InvalidRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

@RestController
@Tag(name = "Admin")
class StorageFeeRunController {

    private final StorageFees fees;
    private final JdbcClient jdbc;
    private final Clock clock;

    StorageFeeRunController(StorageFees fees, JdbcClient jdbc, Clock clock) {
        this.fees = fees;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PostMapping("/api/v1/admin/storage-fees/run")
    @Operation(summary = "Charge the storage fees of every month ended by a date (default today) not yet charged")
    StorageFeeRun run(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate through) {
        LocalDate today = LocalDate.now(clock);
        LocalDate date = through == null ? today : through;
        if (date.isAfter(today)) {
            throw new InvalidRequest("through", "must not be in the future");
        }
        int charged = fees.chargeThrough(date, CurrentPrincipal.get().name());
        long position = jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
        return new StorageFeeRun(date, charged, position);
    }

    record StorageFeeRun(LocalDate through, int monthsCharged, long position) {
    }
}
