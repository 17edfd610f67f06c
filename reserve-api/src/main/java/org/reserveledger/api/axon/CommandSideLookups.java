package org.reserveledger.api.axon;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.reserveledger.domain.commitment.CommitmentMade;
import org.reserveledger.domain.commitment.CommitmentSettled;
import org.reserveledger.domain.inventory.DepositReversed;
import org.reserveledger.domain.inventory.LotDeposited;
import org.reserveledger.domain.inventory.StockDelivered;
import org.reserveledger.domain.inventory.StockDrawn;
import org.reserveledger.domain.inventory.StockWithdrawn;
import org.reserveledger.domain.inventory.WithdrawalReversed;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.DisruptionId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.supply.DisruptionDeclared;
import org.reserveledger.domain.supply.SupplyLedger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The command side's cross-aggregate figures. Its handlers run in a subscribing processor, inside
 * the unit of work that appends the events, so these rows commit or roll back with them.
 * Transfers move stock between sites and leave the national figure unchanged.
 */
@Component
@ProcessingGroup(CommandSideLookups.NAME)
public class CommandSideLookups implements SupplyLedger {

    static final String NAME = "command-lookups";

    private final JdbcClient jdbc;

    CommandSideLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LotDeposited event) {
        addStock(event.lot().mineral(), event.lot().quantity().value());
    }

    @EventHandler
    void on(StockWithdrawn event) {
        addStock(event.mineral(), event.quantity().value().negate());
    }

    @EventHandler
    void on(DepositReversed event) {
        addStock(event.lot().mineral(), event.lot().quantity().value().negate());
    }

    @EventHandler
    void on(WithdrawalReversed event) {
        addStock(event.mineral(), event.quantity().value());
    }

    @EventHandler
    void on(StockDrawn event) {
        addStock(event.mineral(), event.quantity().value().negate());
    }

    @EventHandler
    void on(StockDelivered event) {
        addStock(event.mineral(), event.quantity().value().negate());
    }

    @EventHandler
    void on(CommitmentMade event) {
        jdbc.sql("""
                        insert into lookup_commitment (commitment_id, manufacturer_id, mineral, quantity_tonnes, active)
                        values (:id, :manufacturer, :mineral, :quantity, true)
                        """)
                .param("id", event.commitmentId().value())
                .param("manufacturer", event.manufacturerId().value())
                .param("mineral", event.mineral().name())
                .param("quantity", event.quantity().value())
                .update();
    }

    @EventHandler
    void on(CommitmentSettled event) {
        jdbc.sql("update lookup_commitment set active = false where commitment_id = :id")
                .param("id", event.commitmentId().value())
                .update();
    }

    @EventHandler
    void on(DisruptionDeclared event) {
        jdbc.sql("insert into lookup_disruption (disruption_id, mineral) values (:id, :mineral)")
                .param("id", event.disruptionId().value())
                .param("mineral", event.mineral().name())
                .update();
    }

    @Override
    public Tonnes nationalStock(Mineral mineral) {
        return Tonnes.of(jdbc.sql("select coalesce(sum(tonnes), 0) from lookup_stock_movement where mineral = :mineral")
                .param("mineral", mineral.name())
                .query(BigDecimal.class)
                .single());
    }

    @Override
    public List<CommittedQuantity> activeCommitments(Mineral mineral) {
        return jdbc.sql("""
                        select commitment_id, quantity_tonnes from lookup_commitment
                        where mineral = :mineral and active order by commitment_id
                        """)
                .param("mineral", mineral.name())
                .query((rs, n) -> new CommittedQuantity(CommitmentId.of(rs.getObject("commitment_id", java.util.UUID.class)),
                        Tonnes.of(rs.getBigDecimal("quantity_tonnes"))))
                .list();
    }

    @Override
    public Optional<Mineral> mineralOf(DisruptionId disruptionId) {
        return jdbc.sql("select mineral from lookup_disruption where disruption_id = :id")
                .param("id", disruptionId.value())
                .query(String.class)
                .optional()
                .map(Mineral::valueOf);
    }

    @Override
    public boolean everDisrupted(Mineral mineral) {
        return jdbc.sql("select exists (select 1 from lookup_disruption where mineral = :mineral)")
                .param("mineral", mineral.name())
                .query(Boolean.class)
                .single();
    }

    /** The manufacturer a commitment belongs to, for checking a manufacturer's token. */
    public Optional<String> manufacturerOf(CommitmentId commitmentId) {
        return jdbc.sql("select manufacturer_id from lookup_commitment where commitment_id = :id")
                .param("id", commitmentId.value())
                .query(String.class)
                .optional();
    }

    private void addStock(Mineral mineral, BigDecimal delta) {
        jdbc.sql("insert into lookup_stock_movement (mineral, tonnes) values (:mineral, :delta)")
                .param("mineral", mineral.name())
                .param("delta", delta)
                .update();
    }
}
