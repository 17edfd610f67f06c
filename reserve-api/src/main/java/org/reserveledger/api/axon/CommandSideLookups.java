package org.reserveledger.api.axon;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
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
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.supply.DisruptionDeclared;
import org.reserveledger.domain.supply.Entitlement;
import org.reserveledger.domain.supply.SupplyLedger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
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

    /** The subscribing processing group of the command side's lookups, run in the unit of work of each command. */
    public static final String NAME = "command-lookups";

    private final JdbcClient jdbc;

    CommandSideLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LotDeposited event) {
        addStock(event.lot().mineral(), event.lot().quantity().value(), event.lot().receivedAt());
    }

    @EventHandler
    void on(StockWithdrawn event) {
        takeStock(event.mineral(), event.quantity(), event.withdrawnAt(), "withdrawal");
    }

    @EventHandler
    void on(DepositReversed event) {
        takeStock(event.lot().mineral(), event.lot().quantity(), event.lot().receivedAt(), "reversal of the deposit");
    }

    @EventHandler
    void on(WithdrawalReversed event) {
        addStock(event.mineral(), event.quantity().value(), event.withdrawnAt());
    }

    @EventHandler
    void on(StockDrawn event) {
        takeStock(event.mineral(), event.quantity(), event.drawnAt(), "draw");
    }

    @EventHandler
    void on(StockDelivered event) {
        takeStock(event.mineral(), event.quantity(), event.deliveredAt(), "delivery");
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
    void on(DisruptionDeclared event, @Timestamp Instant declaredAt) {
        jdbc.sql("""
                        insert into lookup_disruption (disruption_id, mineral, declared_at, entitled_tonnes)
                        values (:id, :mineral, :declaredAt, :entitled)
                        """)
                .param("id", event.disruptionId().value())
                .param("mineral", event.mineral().name())
                .param("declaredAt", java.sql.Timestamp.from(declaredAt))
                .param("entitled", event.entitlements().stream().map(Entitlement::tonnes).reduce(Tonnes.ZERO, Tonnes::plus)
                        .value())
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

    private void addStock(Mineral mineral, BigDecimal delta, Instant at) {
        jdbc.sql("insert into lookup_stock_movement (mineral, tonnes, at) values (:mineral, :delta, :at)")
                .param("mineral", mineral.name())
                .param("delta", delta)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    /**
     * Takes stock out at a business instant, refusing it (and so the command that made it, whose unit of work
     * this runs in) when it would leave less at a later disruption's declaration than the entitlements frozen
     * then: back-dating may not break invariant 11 after the fact.
     */
    private void takeStock(Mineral mineral, Tonnes quantity, Instant at, String movement) {
        addStock(mineral, quantity.value().negate(), at);
        jdbc.sql("""
                        select d.disruption_id, d.declared_at, d.entitled_tonnes,
                               (select coalesce(sum(m.tonnes), 0) from lookup_stock_movement m
                                where m.mineral = d.mineral and coalesce(m.at, '-infinity') < d.declared_at) as held
                        from lookup_disruption d
                        where d.mineral = :mineral and d.declared_at > :at and d.entitled_tonnes is not null
                        order by d.declared_at
                        """)
                .param("mineral", mineral.name())
                .param("at", java.sql.Timestamp.from(at))
                .query(rs -> {
                    BigDecimal held = rs.getBigDecimal("held");
                    BigDecimal entitled = rs.getBigDecimal("entitled_tonnes");
                    if (held.compareTo(entitled) < 0) {
                        throw new DomainRuleViolation("entitlements-exceed-stock", ("%s of %s %s dated %s would leave "
                                + "%s t at the declaration of disruption %s on %s, less than the %s t of emergency "
                                + "entitlements frozen then").formatted(movement, quantity, mineral, at,
                                Tonnes.of(held.max(BigDecimal.ZERO)).value().toPlainString(),
                                rs.getObject("disruption_id"), rs.getTimestamp("declared_at").toInstant(),
                                Tonnes.of(entitled).value().toPlainString()));
                    }
                });
    }
}
