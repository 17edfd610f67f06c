package org.reserveledger.api.governance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.reserveledger.api.views.ViewPoint;
import org.reserveledger.api.views.ViewReader;
import org.reserveledger.api.web.CommandExecutor;
import org.reserveledger.api.web.Dispatched;
import org.reserveledger.api.web.validation.ClientCode;
import org.reserveledger.api.web.validation.PlainText;
import org.reserveledger.api.web.validation.Quantity;
import org.reserveledger.api.web.validation.UsState;
import org.reserveledger.domain.inventory.RegisterSiteCommand;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.UnknownResource;
import org.reserveledger.projections.inventory.FindSitesQuery;
import org.reserveledger.projections.inventory.SiteList;
import org.reserveledger.projections.inventory.SiteSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

@RestController
@RequestMapping("/api/v1/sites")
@Tag(name = "Governance")
class SiteController {

    private final CommandExecutor commands;
    private final ViewReader views;

    SiteController(CommandExecutor commands, ViewReader views) {
        this.commands = commands;
        this.views = views;
    }

    @PostMapping
    @Operation(summary = "Register a storage site with its capacity in tonnes")
    ResponseEntity<?> register(@Valid @RequestBody RegisterSiteRequest request, HttpServletRequest http) {
        return commands.execute(http, request, dispatcher -> {
            SiteId siteId = SiteId.of(request.siteId());
            Dispatched<Object> done = dispatcher.send(new RegisterSiteCommand(siteId, request.name(), request.state(),
                    Tonnes.of(request.capacityTonnes())), "site " + siteId);
            return ResponseEntity.created(URI.create("/api/v1/sites/" + siteId.value()))
                    .body(new SiteRegisteredResponse(siteId.value(), done.position()));
        });
    }

    @GetMapping
    @Operation(summary = "Every registered site")
    CompletableFuture<ResponseEntity<List<SiteSummary>>> sites(
            @Parameter(description = "wait until the list has applied this event position")
            @RequestParam(required = false) @PositiveOrZero Long minPosition) {
        return sitesAfter(minPosition).thenApply(answer ->
                ResponseEntity.ok().headers(answer.getHeaders()).body(answer.getBody().sites()));
    }

    @GetMapping("/{siteId}")
    @Operation(summary = "One registered site")
    CompletableFuture<ResponseEntity<SiteSummary>> site(
            @PathVariable String siteId,
            @Parameter(description = "wait until the site's record has applied this event position")
            @RequestParam(required = false) @PositiveOrZero Long minPosition) {
        return sitesAfter(minPosition).thenApply(answer -> {
            SiteSummary site = answer.getBody().sites().stream()
                    .filter(s -> s.siteId().equals(siteId))
                    .findFirst()
                    .orElseThrow(() -> new UnknownResource("no site " + siteId));
            return ResponseEntity.ok().headers(answer.getHeaders()).body(site);
        });
    }

    private CompletableFuture<ResponseEntity<SiteList>> sitesAfter(Long minPosition) {
        return views.read(new FindSitesQuery(), SiteList.class, ViewPoint.live(minPosition));
    }

    record RegisterSiteRequest(@NotNull @ClientCode String siteId,
                               @NotNull @PlainText(max = 120) String name,
                               @NotNull @UsState String state,
                               @NotNull @Quantity BigDecimal capacityTonnes) {
    }

    record SiteRegisteredResponse(String siteId, long position) {
    }
}
