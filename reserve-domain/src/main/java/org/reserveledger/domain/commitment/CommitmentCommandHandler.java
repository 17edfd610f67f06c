package org.reserveledger.domain.commitment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.reserveledger.domain.inventory.FundingSource;
import org.reserveledger.domain.inventory.Lot;
import org.reserveledger.domain.inventory.LotPortion;
import org.reserveledger.domain.inventory.Site;
import org.reserveledger.domain.shared.BusinessDay;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.UnknownResource;
import org.reserveledger.domain.shared.Usd;
import org.reserveledger.domain.supply.DisruptionInForce;
import org.reserveledger.domain.supply.MineralSupply;
import org.reserveledger.domain.supply.SupplyLedger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Commands that touch a commitment and a site together, in one unit of work so both change or
 * neither. Aggregates are always loaded commitment first, then supply, then site, so concurrent
 * commands cannot deadlock on each other's locks.
 */
public class CommitmentCommandHandler {

    private final Repository<Commitment> commitments;
    private final Repository<Manufacturer> manufacturers;
    private final Repository<MineralSupply> supplies;
    private final Repository<Site> sites;
    private final SupplyLedger ledger;

    public CommitmentCommandHandler(Repository<Commitment> commitments, Repository<Manufacturer> manufacturers,
                                    Repository<MineralSupply> supplies, Repository<Site> sites, SupplyLedger ledger) {
        this.commitments = commitments;
        this.manufacturers = manufacturers;
        this.supplies = supplies;
        this.sites = sites;
        this.ledger = ledger;
    }

    @CommandHandler
    public void handle(MakeCommitmentCommand command) throws Exception {
        try {
            manufacturers.load(Manufacturer.idOf(command.manufacturerId()));
        } catch (AggregateNotFoundException e) {
            throw new UnknownResource("no manufacturer " + command.manufacturerId());
        }
        commitments.newInstance(() -> new Commitment(command));
    }

    @CommandHandler
    public DrawOutcome handle(DrawMaterialCommand command) {
        Aggregate<Commitment> commitment = commitment(command.commitmentId().toString());
        Optional<DisruptionInForce> disruption = disruptionOn(commitment, command.drawnOn());
        List<DisruptionInForce> later = disruptionsAfter(commitment, command.drawnOn());
        DrawOutcome terms = commitment.invoke(c -> c.termsOfDraw(command.quantity(), command.drawnOn(), disruption,
                later));
        List<LotPortion> lots = site(command.siteId()).invoke(site -> site.draw(command.commitmentId(),
                command.drawId(), commitment.invoke(Commitment::mineral), command.quantity(),
                BusinessDay.endOf(command.drawnOn())));
        commitment.execute(c -> c.recordDraw(command.drawId(), command.siteId(), command.quantity(), command.drawnOn(),
                terms, disruption, lots));
        return new DrawOutcome(terms.emergency(), terms.replenishBy(), lots);
    }

    @CommandHandler
    public void handle(ReplenishDrawsCommand command) {
        Aggregate<Commitment> commitment = commitment(command.commitmentId().toString());
        commitment.execute(c -> c.replenish(command.lotId(), command.siteId(), command.quantity(),
                command.replenishedOn()));
        Lot lot = new Lot(command.lotId(), commitment.invoke(Commitment::mineral), "replenishment", command.quantity(),
                command.unitCost(), command.supplier(), command.originCountry(),
                FundingSource.MANUFACTURER_REPLENISHMENT, command.receivedAt());
        site(command.siteId()).execute(site -> site.depositReplenishment(command.depositId(), lot));
    }

    @CommandHandler
    public Usd handle(SettleCommitmentCommand command) {
        Aggregate<Commitment> commitment = commitment(command.commitmentId().toString());
        Tonnes delivery = commitment.invoke(c -> c.settle(command.settledOn()));
        Aggregate<Site> site = site(command.siteId());
        if (delivery.isPositive()) {
            site.execute(s -> s.deliver(command.commitmentId(), commitment.invoke(Commitment::mineral), delivery,
                    BusinessDay.endOf(command.settledOn())));
        }
        commitment.execute(c -> c.recordSettlement(command.siteId(), delivery, command.settledOn()));
        return commitment.invoke(c -> c.proceeds());
    }

    private Aggregate<Commitment> commitment(String commitmentId) {
        try {
            return commitments.load(commitmentId);
        } catch (AggregateNotFoundException e) {
            throw new UnknownResource("no commitment " + commitmentId);
        }
    }

    /** The disruption of the commitment's mineral in force on the day, whichever is in force today. */
    private Optional<DisruptionInForce> disruptionOn(Aggregate<Commitment> commitment, LocalDate day) {
        Mineral mineral = commitment.invoke(Commitment::mineral);
        if (!ledger.everDisrupted(mineral)) {
            return Optional.empty();
        }
        return supplies.load(MineralSupply.idOf(mineral)).invoke(supply -> supply.inForceOn(day));
    }

    /** The disruptions of the commitment's mineral declared after the day, in which a draw that day is outstanding. */
    private List<DisruptionInForce> disruptionsAfter(Aggregate<Commitment> commitment, LocalDate day) {
        Mineral mineral = commitment.invoke(Commitment::mineral);
        if (!ledger.everDisrupted(mineral)) {
            return List.of();
        }
        return supplies.load(MineralSupply.idOf(mineral)).invoke(supply -> supply.declaredAfter(day));
    }

    private Aggregate<Site> site(SiteId siteId) {
        try {
            return sites.load(siteId.value());
        } catch (AggregateNotFoundException e) {
            throw new UnknownResource("no site " + siteId);
        }
    }
}
