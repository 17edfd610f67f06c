package org.reserveledger.api.financing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.reserveledger.api.web.CommandExecutor;
import org.reserveledger.api.web.Dispatched;
import org.reserveledger.api.web.InvalidRequest;
import org.reserveledger.api.web.validation.BusinessDate;
import org.reserveledger.api.web.validation.ClientCode;
import org.reserveledger.api.web.validation.InterestRate;
import org.reserveledger.api.web.validation.Money;
import org.reserveledger.api.web.validation.PlainText;
import org.reserveledger.domain.financing.AdmitInvestorCommand;
import org.reserveledger.domain.financing.CallCapitalCommand;
import org.reserveledger.domain.financing.CapitalCalled;
import org.reserveledger.domain.financing.ContributeCapitalCommand;
import org.reserveledger.domain.financing.DayCount;
import org.reserveledger.domain.financing.DrawLoanCommand;
import org.reserveledger.domain.financing.EstablishFacilityCommand;
import org.reserveledger.domain.financing.LoanRepaid;
import org.reserveledger.domain.financing.RepayLoanCommand;
import org.reserveledger.domain.shared.CapitalCallId;
import org.reserveledger.domain.shared.Code;
import org.reserveledger.domain.shared.ContributionId;
import org.reserveledger.domain.shared.DrawdownId;
import org.reserveledger.domain.shared.FacilityId;
import org.reserveledger.domain.shared.InvestorId;
import org.reserveledger.domain.shared.RepaymentId;
import org.reserveledger.domain.shared.Usd;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/financing")
@Tag(name = "Financing")
class FinancingController {

    private final CommandExecutor commands;

    FinancingController(CommandExecutor commands) {
        this.commands = commands;
    }

    @PostMapping("/facilities")
    @Operation(summary = "Establish a loan facility, such as the EXIM loan")
    ResponseEntity<?> establish(@Valid @RequestBody FacilityRequest request, HttpServletRequest http) {
        return commands.execute(http, request, dispatcher -> {
            FacilityId id = FacilityId.of(request.facilityId());
            Dispatched<Object> done = dispatcher.send(new EstablishFacilityCommand(id, request.lender(),
                    Usd.of(request.limitUsd()), request.annualInterestRatePct(), request.dayCount(),
                    request.maturityDate()),
                    "facility " + id);
            return ResponseEntity.created(URI.create("/api/v1/financing/facilities/" + id.value()))
                    .body(new FacilityResponse(id.value(), done.position()));
        });
    }

    @PostMapping("/facilities/{facilityId}/drawdowns")
    @Operation(summary = "Draw on a facility, within its undrawn limit and before maturity")
    ResponseEntity<?> draw(@PathVariable String facilityId, @Valid @RequestBody DrawdownRequest request,
                           HttpServletRequest http) {
        FacilityId id = facilityId(facilityId);
        return commands.execute(http, request, dispatcher -> {
            DrawdownId drawdownId = DrawdownId.random();
            Dispatched<Object> done = dispatcher.send(new DrawLoanCommand(id, drawdownId, Usd.of(request.amountUsd()),
                    request.valueDate(), request.purpose()), "facility " + id);
            return ResponseEntity.created(URI.create("/api/v1/financing/facilities/" + id.value() + "/drawdowns/" + drawdownId))
                    .body(new DrawdownResponse(drawdownId.value(), done.position()));
        });
    }

    @PostMapping("/facilities/{facilityId}/repayments")
    @Operation(summary = "Repay a facility: accrued interest first, then principal")
    ResponseEntity<?> repay(@PathVariable String facilityId, @Valid @RequestBody RepaymentRequest request,
                            HttpServletRequest http) {
        FacilityId id = facilityId(facilityId);
        return commands.execute(http, request, dispatcher -> {
            RepaymentId repaymentId = RepaymentId.random();
            Dispatched<LoanRepaid> done = dispatcher.send(new RepayLoanCommand(id, repaymentId,
                    Usd.of(request.amountUsd()), request.valueDate()), "facility " + id);
            return ResponseEntity.created(URI.create("/api/v1/financing/facilities/" + id.value() + "/repayments/" + repaymentId))
                    .body(new RepaymentResponse(repaymentId.value(), done.result().interestPaid().value(),
                            done.result().principalPaid().value(), done.position()));
        });
    }

    @PostMapping("/investors")
    @Operation(summary = "Admit a private investor with its capital commitment")
    ResponseEntity<?> admit(@Valid @RequestBody InvestorRequest request, HttpServletRequest http) {
        return commands.execute(http, request, dispatcher -> {
            InvestorId id = InvestorId.of(request.investorId());
            Dispatched<Object> done = dispatcher.send(new AdmitInvestorCommand(id, request.name(),
                    Usd.of(request.commitmentUsd())), "investor " + id);
            return ResponseEntity.created(URI.create("/api/v1/financing/investors/" + id.value()))
                    .body(new InvestorResponse(id.value(), done.position()));
        });
    }

    @PostMapping("/capital-calls")
    @Operation(summary = "Call private capital, allocated pro-rata to uncalled commitments")
    ResponseEntity<?> call(@Valid @RequestBody CapitalCallRequest request, HttpServletRequest http) {
        return commands.execute(http, request, dispatcher -> {
            CapitalCallId id = CapitalCallId.random();
            Dispatched<CapitalCalled> done = dispatcher.send(new CallCapitalCommand(id, Usd.of(request.amountUsd()),
                    request.dueDate()), "private capital");
            List<AllocationResponse> allocations = done.result().allocations().stream()
                    .map(a -> new AllocationResponse(a.investorId().value(), a.amount().value()))
                    .toList();
            return ResponseEntity.created(URI.create("/api/v1/financing/capital-calls/" + id))
                    .body(new CapitalCallResponse(id.value(), allocations, done.position()));
        });
    }

    @PostMapping("/investors/{investorId}/contributions")
    @Operation(summary = "Record an investor's payment against a capital call")
    ResponseEntity<?> contribute(@PathVariable String investorId, @Valid @RequestBody ContributionRequest request,
                                 HttpServletRequest http) {
        if (!Code.isValid(investorId)) {
            throw new InvalidRequest("investorId", "must match " + Code.REGEX);
        }
        InvestorId id = InvestorId.of(investorId);
        return commands.execute(http, request, dispatcher -> {
            ContributionId contributionId = ContributionId.random();
            Dispatched<Object> done = dispatcher.send(new ContributeCapitalCommand(contributionId, id,
                    CapitalCallId.of(request.capitalCallId()), Usd.of(request.amountUsd()), request.valueDate()),
                    "investor " + id);
            return ResponseEntity.created(URI.create("/api/v1/financing/investors/" + id.value() + "/contributions/"
                            + contributionId))
                    .body(new ContributionResponse(contributionId.value(), done.position()));
        });
    }

    private static FacilityId facilityId(String value) {
        if (!Code.isValid(value)) {
            throw new InvalidRequest("facilityId", "must match " + Code.REGEX);
        }
        return FacilityId.of(value);
    }

    /** {@code dayCount} may be left out: interest is then counted ACT/360. */
    record FacilityRequest(@NotNull @ClientCode String facilityId, @NotNull @PlainText(max = 200) String lender,
                           @NotNull @Money BigDecimal limitUsd, @NotNull @InterestRate BigDecimal annualInterestRatePct,
                           DayCount dayCount, @NotNull @BusinessDate LocalDate maturityDate) {
    }

    record DrawdownRequest(@NotNull @Money BigDecimal amountUsd, @NotNull @BusinessDate LocalDate valueDate,
                           @PlainText(max = 200) String purpose) {
    }

    record RepaymentRequest(@NotNull @Money BigDecimal amountUsd, @NotNull @BusinessDate LocalDate valueDate) {
    }

    record InvestorRequest(@NotNull @ClientCode String investorId, @NotNull @PlainText(max = 200) String name,
                           @NotNull @Money BigDecimal commitmentUsd) {
    }

    record CapitalCallRequest(@NotNull @Money BigDecimal amountUsd, @NotNull @BusinessDate LocalDate dueDate) {
    }

    record ContributionRequest(@NotNull UUID capitalCallId, @NotNull @Money BigDecimal amountUsd,
                               @NotNull @BusinessDate LocalDate valueDate) {
    }

    record FacilityResponse(String facilityId, long position) {
    }

    record DrawdownResponse(UUID drawdownId, long position) {
    }

    record RepaymentResponse(UUID repaymentId, BigDecimal interestPaidUsd, BigDecimal principalPaidUsd, long position) {
    }

    record InvestorResponse(String investorId, long position) {
    }

    record AllocationResponse(String investorId, BigDecimal amountUsd) {
    }

    record CapitalCallResponse(UUID capitalCallId, List<AllocationResponse> allocations, long position) {
    }

    record ContributionResponse(UUID contributionId, long position) {
    }
}
