package org.reserveledger.api.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.reserveledger.api.axon.CommandSideLookups;
import org.reserveledger.api.security.ApiPrincipal;
import org.reserveledger.api.security.CurrentPrincipal;
import org.reserveledger.api.security.Role;
import org.reserveledger.api.web.CommandExecutor;
import org.reserveledger.api.web.Dispatched;
import org.reserveledger.api.web.InvalidRequest;
import org.reserveledger.api.web.NotAllowed;
import org.reserveledger.api.web.validation.BusinessDate;
import org.reserveledger.api.web.validation.ClientCode;
import org.reserveledger.api.web.validation.Country;
import org.reserveledger.api.web.validation.MineralCode;
import org.reserveledger.api.web.validation.Money;
import org.reserveledger.api.web.validation.PlainText;
import org.reserveledger.api.web.validation.Quantity;
import org.reserveledger.domain.commitment.DrawMaterialCommand;
import org.reserveledger.domain.commitment.DrawOutcome;
import org.reserveledger.domain.commitment.MakeCommitmentCommand;
import org.reserveledger.domain.commitment.ReplenishDrawsCommand;
import org.reserveledger.domain.commitment.SettleCommitmentCommand;
import org.reserveledger.domain.inventory.LotPortion;
import org.reserveledger.domain.shared.BusinessDay;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.CountryCode;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.DrawId;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.ManufacturerId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.UnknownResource;
import org.reserveledger.domain.shared.Usd;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/commitments")
@Tag(name = "Manufacturers and offtake commitments")
class CommitmentController {

    private final CommandExecutor commands;
    private final CommandSideLookups lookups;
    private final Clock clock;

    CommitmentController(CommandExecutor commands, CommandSideLookups lookups, Clock clock) {
        this.commands = commands;
        this.lookups = lookups;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Record a manufacturer's offtake commitment")
    ResponseEntity<?> make(@Valid @RequestBody MakeCommitmentRequest request, HttpServletRequest http) {
        if (!request.endDate().isAfter(request.startDate())) {
            throw new InvalidRequest("endDate", "must be after startDate");
        }
        return commands.execute(http, request, dispatcher -> {
            CommitmentId commitmentId = CommitmentId.random();
            ManufacturerId manufacturer = ManufacturerId.of(request.manufacturerId());
            Dispatched<Object> done = dispatcher.send(new MakeCommitmentCommand(commitmentId, manufacturer,
                    Mineral.valueOf(request.mineral()), Tonnes.of(request.quantityTonnes()),
                    Usd.of(request.pricePerTonneUsd()), request.startDate(), request.endDate(),
                    Usd.of(request.upfrontFeeUsd()), Usd.of(request.storageFeePerTonneMonthUsd()),
                    request.replenishWithinDays()), "manufacturer " + manufacturer);
            return ResponseEntity.created(URI.create("/api/v1/views/commitments/" + commitmentId))
                    .body(new CommitmentMadeResponse(commitmentId.value(), done.position()));
        });
    }

    @PostMapping("/{commitmentId}/draws")
    @Operation(summary = "Draw material from a site against a commitment, oldest lots first")
    ResponseEntity<?> draw(@PathVariable UUID commitmentId, @Valid @RequestBody DrawRequest request,
                           HttpServletRequest http) {
        CommitmentId id = CommitmentId.of(commitmentId);
        ensureOwnCommitment(id);
        // A date after today is refused with every business-dated command's, by the command bus's interceptor.
        LocalDate drawnOn = request.drawnOn() == null ? LocalDate.now(clock) : request.drawnOn();
        return commands.execute(http, request, dispatcher -> {
            DrawId drawId = DrawId.random();
            Dispatched<DrawOutcome> done = dispatcher.send(new DrawMaterialCommand(id, drawId,
                    SiteId.of(request.siteId()), Tonnes.of(request.quantityTonnes()), drawnOn), "commitment " + id);
            DrawOutcome outcome = done.result();
            return ResponseEntity.created(URI.create("/api/v1/commitments/" + id + "/draws/" + drawId))
                    .body(new DrawResponse(drawId.value(), outcome.emergency(), outcome.replenishBy(),
                            lots(outcome.lots()), done.position()));
        });
    }

    @PostMapping("/{commitmentId}/replenishments")
    @Operation(summary = "Return material against a commitment's outstanding draws")
    ResponseEntity<?> replenish(@PathVariable UUID commitmentId, @Valid @RequestBody ReplenishmentRequest request,
                                HttpServletRequest http) {
        CommitmentId id = CommitmentId.of(commitmentId);
        ensureOwnCommitment(id);
        Instant now = clock.instant();
        LocalDate today = BusinessDay.of(now);
        LocalDate replenishedOn = request.replenishedOn() == null ? today : request.replenishedOn();
        // A lot returned on an earlier day stands at that day's end, so the books of that day hold it.
        Instant receivedAt = replenishedOn.equals(today) ? now : BusinessDay.endOf(replenishedOn);
        return commands.execute(http, request, dispatcher -> {
            LotId lotId = LotId.random();
            Dispatched<Object> done = dispatcher.send(new ReplenishDrawsCommand(id, DepositId.random(), lotId,
                    SiteId.of(request.siteId()), Tonnes.of(request.quantityTonnes()), Usd.of(request.unitCostUsd()),
                    request.supplier(), CountryCode.of(request.originCountry()), replenishedOn, receivedAt),
                    "commitment " + id);
            return ResponseEntity.created(URI.create("/api/v1/sites/" + request.siteId() + "/lots/" + lotId))
                    .body(new ReplenishmentResponse(lotId.value(), done.position()));
        });
    }

    @PostMapping("/{commitmentId}/settlement")
    @Operation(summary = "The end-of-term buyback: the manufacturer takes the committed quantity at the agreed price")
    ResponseEntity<?> settle(@PathVariable UUID commitmentId, @Valid @RequestBody SettlementRequest request,
                             HttpServletRequest http) {
        CommitmentId id = CommitmentId.of(commitmentId);
        return commands.execute(http, request, dispatcher -> {
            Dispatched<Usd> done = dispatcher.send(new SettleCommitmentCommand(id, SiteId.of(request.siteId()),
                    LocalDate.now(clock)), "commitment " + id);
            return ResponseEntity.ok(new SettlementResponse(id.value(), done.result().value(), done.position()));
        });
    }

    /** A manufacturer's token acts only on its own commitments. */
    private void ensureOwnCommitment(CommitmentId commitmentId) {
        ApiPrincipal principal = CurrentPrincipal.get();
        if (principal.role() != Role.MANUFACTURER) {
            return;
        }
        String owner = lookups.manufacturerOf(commitmentId)
                .orElseThrow(() -> new UnknownResource("no commitment " + commitmentId));
        if (!owner.equals(principal.manufacturerId())) {
            throw new NotAllowed("commitment " + commitmentId + " belongs to another manufacturer");
        }
    }

    private static List<LotQuantity> lots(List<LotPortion> portions) {
        return portions.stream().map(p -> new LotQuantity(p.lotId().value(), p.quantity().value())).toList();
    }

    record MakeCommitmentRequest(@NotNull @ClientCode String manufacturerId,
                                 @NotNull @MineralCode String mineral,
                                 @NotNull @Quantity BigDecimal quantityTonnes,
                                 @NotNull @Money BigDecimal pricePerTonneUsd,
                                 @NotNull @BusinessDate LocalDate startDate,
                                 @NotNull @BusinessDate LocalDate endDate,
                                 @NotNull @Money(zeroAllowed = true) BigDecimal upfrontFeeUsd,
                                 @NotNull @Money(zeroAllowed = true) BigDecimal storageFeePerTonneMonthUsd,
                                 @NotNull @PositiveOrZero @Max(3650) Integer replenishWithinDays) {
    }

    /** {@code drawnOn} records a draw made earlier; it defaults to today. */
    record DrawRequest(@NotNull @ClientCode String siteId, @NotNull @Quantity BigDecimal quantityTonnes,
                       @BusinessDate LocalDate drawnOn) {
    }

    /** {@code replenishedOn} records material returned earlier; it defaults to today. */
    record ReplenishmentRequest(@NotNull @ClientCode String siteId,
                                @NotNull @Quantity BigDecimal quantityTonnes,
                                @NotNull @Money(zeroAllowed = true) BigDecimal unitCostUsd,
                                @NotNull @PlainText(max = 120) String supplier,
                                @NotNull @Country String originCountry,
                                @BusinessDate LocalDate replenishedOn) {
    }

    record SettlementRequest(@NotNull @ClientCode String siteId) {
    }

    record LotQuantity(UUID lotId, BigDecimal quantityTonnes) {
    }

    record CommitmentMadeResponse(UUID commitmentId, long position) {
    }

    record DrawResponse(UUID drawId, boolean emergency, LocalDate replenishBy, List<LotQuantity> lots, long position) {
    }

    record ReplenishmentResponse(UUID lotId, long position) {
    }

    record SettlementResponse(UUID commitmentId, BigDecimal proceedsUsd, long position) {
    }
}
