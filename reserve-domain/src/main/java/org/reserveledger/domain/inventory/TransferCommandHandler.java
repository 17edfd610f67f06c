package org.reserveledger.domain.inventory;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.UnknownResource;

import java.util.List;

/**
 * Moves material between two sites in one unit of work, so the dispatch at the source and the
 * reservation at the destination are appended together or not at all.
 */
public class TransferCommandHandler {

    private final Repository<Site> sites;
    private final TransferRoutes routes;

    public TransferCommandHandler(Repository<Site> sites, TransferRoutes routes) {
        this.sites = sites;
        this.routes = routes;
    }

    @CommandHandler
    public List<LotPortion> handle(DispatchTransferCommand command) {
        if (command.fromSiteId().equals(command.toSiteId())) {
            throw new DomainRuleViolation("transfer-to-same-site",
                    "a transfer needs two different sites, got " + command.fromSiteId() + " twice");
        }
        // Lock the two sites in a fixed order so that opposite transfers cannot deadlock.
        Aggregate<Site> source;
        Aggregate<Site> destination;
        if (command.fromSiteId().value().compareTo(command.toSiteId().value()) < 0) {
            source = load(command.fromSiteId());
            destination = load(command.toSiteId());
        } else {
            destination = load(command.toSiteId());
            source = load(command.fromSiteId());
        }
        destination.execute(site -> site.ensureRoomFor(command.quantity(), "transfer"));
        List<Lot> lots = source.invoke(site ->
                site.dispatch(command.transferId(), command.toSiteId(), command.mineral(), command.quantity(),
                        command.dispatchedAt()));
        destination.execute(site -> site.reserveInbound(command.transferId(), command.fromSiteId(),
                command.mineral(), command.quantity(), lots, command.dispatchedAt()));
        routes.record(command.transferId(), command.fromSiteId(), command.toSiteId());
        return lots.stream().map(Lot::portion).toList();
    }

    @CommandHandler
    public void handle(ReceiveTransferCommand command) {
        SiteId destination = routes.destinationOf(command.transferId())
                .orElseThrow(() -> new UnknownResource("no transfer " + command.transferId()));
        load(destination).execute(site -> site.receive(command.transferId(), command.receivedAt()));
    }

    private Aggregate<Site> load(SiteId siteId) {
        try {
            return sites.load(siteId.value());
        } catch (AggregateNotFoundException e) {
            throw new UnknownResource("no site " + siteId);
        }
    }
}
