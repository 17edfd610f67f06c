package org.reserveledger.api.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.reserveledger.api.web.CommandExecutor;
import org.reserveledger.api.web.Dispatched;
import org.reserveledger.api.web.InvalidRequest;
import org.reserveledger.api.web.validation.BusinessDate;
import org.reserveledger.api.web.validation.ClientCode;
import org.reserveledger.api.web.validation.Country;
import org.reserveledger.api.web.validation.MineralCode;
import org.reserveledger.api.web.validation.Money;
import org.reserveledger.api.web.validation.PlainText;
import org.reserveledger.api.web.validation.Quantity;
import org.reserveledger.domain.inventory.DepositLotCommand;
import org.reserveledger.domain.inventory.DispatchTransferCommand;
import org.reserveledger.domain.inventory.FundingSource;
import org.reserveledger.domain.inventory.Lot;
import org.reserveledger.domain.inventory.LotPortion;
import org.reserveledger.domain.inventory.ReceiveTransferCommand;
import org.reserveledger.domain.inventory.ReverseDepositCommand;
import org.reserveledger.domain.inventory.ReverseWithdrawalCommand;
import org.reserveledger.domain.inventory.WithdrawStockCommand;
import org.reserveledger.domain.inventory.WithdrawalReason;
import org.reserveledger.domain.shared.Code;
import org.reserveledger.domain.shared.CountryCode;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.TransferId;
import org.reserveledger.domain.shared.Usd;
import org.reserveledger.domain.shared.WithdrawalId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Inventory operations")
class InventoryOperationsController {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CommandExecutor commands;
    private final Clock clock;

    InventoryOperationsController(CommandExecutor commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/sites/{siteId}/deposits")
    @Operation(summary = "Record the receipt of a lot at a site")
    ResponseEntity<?> deposit(@PathVariable String siteId, @Valid @RequestBody DepositRequest request,
                              HttpServletRequest http) {
        SiteId site = siteId(siteId);
        Instant receivedAt = businessInstant("receivedAt", request.receivedAt());
        return commands.execute(http, request, dispatcher -> {
            DepositId depositId = DepositId.random();
            LotId lotId = LotId.random();
            Lot lot = new Lot(lotId, Mineral.valueOf(request.mineral()), request.form(),
                    Tonnes.of(request.quantityTonnes()), Usd.of(request.unitCostUsd()), request.supplier(),
                    CountryCode.of(request.originCountry()), request.fundingSource(),
                    receivedAt);
            Dispatched<Object> done = dispatcher.send(new DepositLotCommand(site, depositId, lot), "site " + site);
            return ResponseEntity.created(URI.create("/api/v1/sites/" + site.value() + "/deposits/" + depositId))
                    .body(new DepositResponse(depositId.value(), lotId.value(), done.position()));
        });
    }

    @PostMapping("/sites/{siteId}/withdrawals")
    @Operation(summary = "Take material out of a site: oldest lots first, or the lots named in `lots`")
    ResponseEntity<?> withdraw(@PathVariable String siteId, @Valid @RequestBody WithdrawalRequest request,
                               HttpServletRequest http) {
        SiteId site = siteId(siteId);
        List<LotPortion> named = request.lots() == null ? List.of() : request.lots().stream()
                .map(lot -> new LotPortion(LotId.of(lot.lotId()), Tonnes.of(lot.quantityTonnes())))
                .toList();
        if (!named.isEmpty() && named.stream().map(LotPortion::quantity).map(Tonnes::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(request.quantityTonnes()) != 0) {
            throw new InvalidRequest("lots", "the named lots' quantities must add up to quantityTonnes");
        }
        Instant withdrawnAt = businessInstant("withdrawnAt", request.withdrawnAt());
        return commands.execute(http, request, dispatcher -> {
            WithdrawalId withdrawalId = WithdrawalId.random();
            Dispatched<List<LotPortion>> done = dispatcher.send(new WithdrawStockCommand(site, withdrawalId,
                    Mineral.valueOf(request.mineral()), Tonnes.of(request.quantityTonnes()), request.reason(),
                    request.reference(), named, withdrawnAt), "site " + site);
            return ResponseEntity.created(URI.create("/api/v1/sites/" + site.value() + "/withdrawals/" + withdrawalId))
                    .body(new WithdrawalResponse(withdrawalId.value(), portions(done.result()), done.position()));
        });
    }

    @PostMapping("/transfers")
    @Operation(summary = "Dispatch material from one site to another; it is in transit until received")
    ResponseEntity<?> dispatch(@Valid @RequestBody TransferRequest request, HttpServletRequest http) {
        Instant dispatchedAt = businessInstant("dispatchedAt", request.dispatchedAt());
        return commands.execute(http, request, dispatcher -> {
            TransferId transferId = TransferId.random();
            Dispatched<List<LotPortion>> done = dispatcher.send(new DispatchTransferCommand(transferId,
                    SiteId.of(request.fromSiteId()), SiteId.of(request.toSiteId()), Mineral.valueOf(request.mineral()),
                    Tonnes.of(request.quantityTonnes()), dispatchedAt), "site");
            return ResponseEntity.created(URI.create("/api/v1/transfers/" + transferId))
                    .body(new TransferResponse(transferId.value(), portions(done.result()), done.position()));
        });
    }

    @PostMapping("/transfers/{transferId}/receipt")
    @Operation(summary = "Record the arrival of a transfer at its destination, now or at the receivedAt given")
    ResponseEntity<?> receive(@PathVariable UUID transferId, @Valid @RequestBody(required = false) ReceiptRequest request,
                              HttpServletRequest http) {
        Instant receivedAt = businessInstant("receivedAt", request == null ? null : request.receivedAt());
        return commands.execute(http, request, dispatcher -> {
            Dispatched<Object> done = dispatcher.send(new ReceiveTransferCommand(TransferId.of(transferId), receivedAt),
                    "transfer " + transferId);
            return ResponseEntity.ok(new ReceiptResponse(transferId, done.position()));
        });
    }

    @PostMapping("/sites/{siteId}/deposits/{depositId}/reversal")
    @Operation(summary = "Take a wrong deposit back out of the books, as if its lot had never been received; "
            + "the deposit stays in the audit log")
    ResponseEntity<?> reverseDeposit(@PathVariable String siteId, @PathVariable UUID depositId,
                                     @Valid @RequestBody ReversalRequest request, HttpServletRequest http) {
        SiteId site = siteId(siteId);
        return commands.execute(http, request, dispatcher -> {
            Dispatched<Object> done = dispatcher.send(new ReverseDepositCommand(site, DepositId.of(depositId),
                    request.reason()), "site " + site);
            return ResponseEntity.ok(new DepositReversalResponse(depositId, done.position()));
        });
    }

    @PostMapping("/sites/{siteId}/withdrawals/{withdrawalId}/reversal")
    @Operation(summary = "Return a wrong withdrawal's lots to the books on the withdrawal's own date; "
            + "the withdrawal stays in the audit log")
    ResponseEntity<?> reverseWithdrawal(@PathVariable String siteId, @PathVariable UUID withdrawalId,
                                        @Valid @RequestBody ReversalRequest request, HttpServletRequest http) {
        SiteId site = siteId(siteId);
        return commands.execute(http, request, dispatcher -> {
            Dispatched<Object> done = dispatcher.send(new ReverseWithdrawalCommand(site, WithdrawalId.of(withdrawalId),
                    request.reason()), "site " + site);
            return ResponseEntity.ok(new WithdrawalReversalResponse(withdrawalId, done.position()));
        });
    }

    /** A movement's business instant: the one given, which may not lie ahead, or now. */
    private Instant businessInstant(String field, Instant given) {
        Instant now = clock.instant();
        if (given != null && given.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidRequest(field, "must not be in the future");
        }
        return given != null ? given : now;
    }

    private static SiteId siteId(String value) {
        if (!Code.isValid(value)) {
            throw new InvalidRequest("siteId", "must match " + Code.REGEX);
        }
        return SiteId.of(value);
    }

    private static List<LotQuantity> portions(List<LotPortion> portions) {
        return portions.stream().map(p -> new LotQuantity(p.lotId().value(), p.quantity().value())).toList();
    }

    record DepositRequest(@NotNull @MineralCode String mineral,
                          @NotNull @PlainText(max = 80) String form,
                          @NotNull @Quantity BigDecimal quantityTonnes,
                          @NotNull @Money(zeroAllowed = true) BigDecimal unitCostUsd,
                          @NotNull @PlainText(max = 120) String supplier,
                          @NotNull @Country String originCountry,
                          @NotNull FundingSource fundingSource,
                          @BusinessDate Instant receivedAt) {
    }

    record WithdrawalRequest(@NotNull @MineralCode String mineral,
                             @NotNull @Quantity BigDecimal quantityTonnes,
                             @NotNull WithdrawalReason reason,
                             @PlainText(max = 120) String reference,
                             @Size(max = 100) List<@Valid @NotNull NamedLot> lots,
                             @BusinessDate Instant withdrawnAt) {
    }

    /** A lot to take from, and how much, when the operator chooses the lots. */
    record NamedLot(@NotNull UUID lotId, @NotNull @Quantity BigDecimal quantityTonnes) {
    }

    record TransferRequest(@NotNull @ClientCode String fromSiteId,
                           @NotNull @ClientCode String toSiteId,
                           @NotNull @MineralCode String mineral,
                           @NotNull @Quantity BigDecimal quantityTonnes,
                           @BusinessDate Instant dispatchedAt) {
    }

    record ReceiptRequest(@BusinessDate Instant receivedAt) {
    }

    /** @param reason why the deposit or withdrawal was wrong, kept with the reversal in the audit log */
    record ReversalRequest(@NotNull @PlainText(max = 200) String reason) {
    }

    record DepositReversalResponse(UUID depositId, long position) {
    }

    record WithdrawalReversalResponse(UUID withdrawalId, long position) {
    }

    record LotQuantity(UUID lotId, BigDecimal quantityTonnes) {
    }

    record DepositResponse(UUID depositId, UUID lotId, long position) {
    }

    record WithdrawalResponse(UUID withdrawalId, List<LotQuantity> lots, long position) {
    }

    record TransferResponse(UUID transferId, List<LotQuantity> lots, long position) {
    }

    record ReceiptResponse(UUID transferId, long position) {
    }
}
