package org.reserveledger.domain.supply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.UnknownResource;

/**
 * Declares and ends disruptions, reading the national stock and the active commitments from the
 * {@link SupplyLedger} in the declaring transaction, so entitlements are frozen on exact figures.
 */
public class SupplyCommandHandler {

    private final Repository<MineralSupply> supplies;
    private final SupplyLedger ledger;

    public SupplyCommandHandler(Repository<MineralSupply> supplies, SupplyLedger ledger) {
        this.supplies = supplies;
        this.ledger = ledger;
    }

    @CommandHandler
    public void handle(DeclareDisruptionCommand command) throws Exception {
        Mineral mineral = command.mineral();
        supplies.loadOrCreate(MineralSupply.idOf(mineral), MineralSupply::new)
                .execute(supply -> supply.declare(command.disruptionId(), mineral, command.reason(),
                        command.declaredOn(), ledger.nationalStock(mineral), ledger.activeCommitments(mineral)));
    }

    @CommandHandler
    public void handle(EndDisruptionCommand command) {
        Mineral mineral = ledger.mineralOf(command.disruptionId())
                .orElseThrow(() -> new UnknownResource("no disruption " + command.disruptionId()));
        supplies.load(MineralSupply.idOf(mineral)).execute(supply -> supply.end(command.disruptionId(), command.endedOn()));
    }
}
