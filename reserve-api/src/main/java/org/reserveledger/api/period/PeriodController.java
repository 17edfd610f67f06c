package org.reserveledger.api.period;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.reserveledger.api.web.CommandExecutor;
import org.reserveledger.api.web.Dispatched;
import org.reserveledger.api.web.validation.BusinessDate;
import org.reserveledger.domain.period.ClosePeriodCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/periods")
@Tag(name = "Governance")
class PeriodController {

    private final CommandExecutor commands;
    private final JdbcClosedPeriods periods;

    PeriodController(CommandExecutor commands, JdbcClosedPeriods periods) {
        this.commands = commands;
        this.periods = periods;
    }

    @PostMapping("/close")
    @Operation(summary = "Close the books through a day, today at the latest: afterwards every command dated on or "
            + "before it is refused (409 period-closed). A close earlier than the current one is refused (409 "
            + "period-close-earlier); the current one again appends nothing and answers its position")
    ResponseEntity<?> close(@Valid @RequestBody ClosePeriodRequest request, HttpServletRequest http) {
        return commands.execute(http, request, dispatcher -> {
            Dispatched<Object> done = dispatcher.send(new ClosePeriodCommand(request.through()), "the books");
            if (done.position() >= 0) {
                return ResponseEntity.ok(new PeriodClosedResponse(request.through(), done.position()));
            }
            JdbcClosedPeriods.Close current = periods.current();
            return ResponseEntity.ok(new PeriodClosedResponse(current.closedThrough(), current.position()));
        });
    }

    /** The command side's own record, so it answers at once what the next command will be checked against. */
    @GetMapping
    @Operation(summary = "The day through which the books are closed, null while no period has been closed")
    PeriodsResponse periods() {
        return new PeriodsResponse(periods.current().closedThrough());
    }

    /** @param through the last day to close (YYYY-MM-DD, UTC) */
    record ClosePeriodRequest(@NotNull @BusinessDate LocalDate through) {
    }

    record PeriodClosedResponse(LocalDate closedThrough, long position) {
    }

    record PeriodsResponse(LocalDate closedThrough) {
    }
}
