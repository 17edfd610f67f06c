package org.reserveledger.projections.inventory;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.reserveledger.domain.commitment.CommitmentMade;
import org.reserveledger.domain.commitment.CommitmentSettled;
import org.reserveledger.domain.commitment.DrawReplenished;
import org.reserveledger.domain.commitment.MaterialDrawn;
import org.reserveledger.domain.inventory.Lot;
import org.reserveledger.domain.inventory.LotDeposited;
import org.reserveledger.domain.inventory.LotPortion;
import org.reserveledger.domain.inventory.SiteRegistered;
import org.reserveledger.domain.inventory.StockDelivered;
import org.reserveledger.domain.inventory.StockDispatched;
import org.reserveledger.domain.inventory.StockDrawn;
import org.reserveledger.domain.inventory.StockWithdrawn;
import org.reserveledger.domain.inventory.TransferReceived;
import org.reserveledger.domain.pricing.ReferencePriceSet;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.SiteId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/**
 * Builds the inventory tables from site, reference-price and commitment events. It runs in a streaming
 * processor whose token is stored in the same transaction as these rows, so each event is
 * applied exactly once, and a replay starts from empty tables.
 */
@Component
@ProcessingGroup(InventoryProjection.NAME)
public class InventoryProjection {

    public static final String NAME = "inventory";

    /** The tables this projection writes, and no other projection does; children before parents. */
    public static final List<String> TABLES = List.of("inventory_in_transit",
            "inventory_lot",
            "inventory_site",
            "inventory_reference_price",
            "inventory_commitment",
            "inventory_draw");

    private final JdbcClient jdbc;

    public InventoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SiteRegistered event) {
        jdbc.sql("""
                        insert into inventory_site (site_id, name, state, capacity_tonnes, status)
                        values (:siteId, :name, :state, :capacity, 'ACTIVE')
                        """)
                .param("siteId", event.siteId().value())
                .param("name", event.name())
                .param("state", event.state())
                .param("capacity", event.capacity().value())
                .update();
    }

    @EventHandler
    void on(LotDeposited event) {
        addLot(event.siteId(), event.lot());
    }

    @EventHandler
    void on(StockWithdrawn event) {
        event.lots().forEach(portion -> removePortion(event.siteId(), portion));
    }

    @EventHandler
    void on(StockDispatched event) {
        for (Lot lot : event.lots()) {
            removePortion(event.siteId(), lot.portion());
            jdbc.sql("""
                            insert into inventory_in_transit (transfer_id, lot_id, from_site_id, to_site_id, mineral, form,
                                quantity_tonnes, unit_cost_usd, supplier, origin_country, funding_source, received_at)
                            values (:transferId, :lotId, :fromSiteId, :toSiteId, :mineral, :form,
                                :quantity, :unitCost, :supplier, :origin, :fundingSource, :receivedAt)
                            """)
                    .param("transferId", event.transferId().value())
                    .param("lotId", lot.lotId().value())
                    .param("fromSiteId", event.siteId().value())
                    .param("toSiteId", event.toSiteId().value())
                    .param("mineral", lot.mineral().name())
                    .param("form", lot.form())
                    .param("quantity", lot.quantity().value())
                    .param("unitCost", lot.unitCostUsd().value())
                    .param("supplier", lot.supplier())
                    .param("origin", lot.originCountry().value())
                    .param("fundingSource", lot.fundingSource().name())
                    .param("receivedAt", Timestamp.from(lot.receivedAt()))
                    .update();
        }
    }

    @EventHandler
    void on(TransferReceived event) {
        jdbc.sql("delete from inventory_in_transit where transfer_id = :transferId")
                .param("transferId", event.transferId().value())
                .update();
        event.lots().forEach(lot -> addLot(event.siteId(), lot));
    }

    @EventHandler
    void on(StockDrawn event) {
        event.lots().forEach(portion -> removePortion(event.siteId(), portion));
    }

    @EventHandler
    void on(StockDelivered event) {
        event.lots().forEach(portion -> removePortion(event.siteId(), portion));
    }

    @EventHandler
    void on(CommitmentMade event) {
        jdbc.sql("""
                        insert into inventory_commitment (commitment_id, mineral, quantity_tonnes, active)
                        values (:id, :mineral, :quantity, true)
                        """)
                .param("id", event.commitmentId().value())
                .param("mineral", event.mineral().name())
                .param("quantity", event.quantity().value())
                .update();
    }

    @EventHandler
    void on(MaterialDrawn event) {
        changeOutstanding(event.commitmentId(), event.quantity().value());
        jdbc.sql("""
                        insert into inventory_draw (draw_id, mineral, quantity_tonnes, drawn_on)
                        values (:drawId, :mineral, :quantity, :drawnOn)
                        """)
                .param("drawId", event.drawId().value())
                .param("mineral", event.mineral().name())
                .param("quantity", event.quantity().value())
                .param("drawnOn", event.drawnOn())
                .update();
    }

    @EventHandler
    void on(DrawReplenished event) {
        changeOutstanding(event.commitmentId(), event.quantity().value().negate());
    }

    @EventHandler
    void on(CommitmentSettled event) {
        // Bought back: nothing is committed or outstanding any more.
        jdbc.sql("update inventory_commitment set active = false, outstanding_tonnes = 0 where commitment_id = :id")
                .param("id", event.commitmentId().value())
                .update();
    }

    @EventHandler
    void on(ReferencePriceSet event) {
        jdbc.sql("""
                        insert into inventory_reference_price (mineral, price_per_tonne_usd, effective_from)
                        values (:mineral, :price, :effectiveFrom)
                        on conflict (mineral) do update
                            set price_per_tonne_usd = excluded.price_per_tonne_usd,
                                effective_from = excluded.effective_from
                        """)
                .param("mineral", event.mineral().name())
                .param("price", event.pricePerTonne().value())
                .param("effectiveFrom", event.effectiveFrom())
                .update();
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.sql("delete from " + table).update());
    }

    private void addLot(SiteId siteId, Lot lot) {
        jdbc.sql("""
                        insert into inventory_lot (site_id, lot_id, mineral, form, quantity_tonnes, unit_cost_usd,
                            supplier, origin_country, funding_source, received_at)
                        values (:siteId, :lotId, :mineral, :form, :quantity, :unitCost,
                            :supplier, :origin, :fundingSource, :receivedAt)
                        on conflict (site_id, lot_id) do update
                            set quantity_tonnes = inventory_lot.quantity_tonnes + excluded.quantity_tonnes
                        """)
                .param("siteId", siteId.value())
                .param("lotId", lot.lotId().value())
                .param("mineral", lot.mineral().name())
                .param("form", lot.form())
                .param("quantity", lot.quantity().value())
                .param("unitCost", lot.unitCostUsd().value())
                .param("supplier", lot.supplier())
                .param("origin", lot.originCountry().value())
                .param("fundingSource", lot.fundingSource().name())
                .param("receivedAt", Timestamp.from(lot.receivedAt()))
                .update();
    }

    private void changeOutstanding(CommitmentId commitmentId, java.math.BigDecimal delta) {
        jdbc.sql("update inventory_commitment set outstanding_tonnes = outstanding_tonnes + :delta where commitment_id = :id")
                .param("id", commitmentId.value())
                .param("delta", delta)
                .update();
    }

    private void removePortion(SiteId siteId, LotPortion portion) {
        jdbc.sql("""
                        update inventory_lot set quantity_tonnes = quantity_tonnes - :quantity
                        where site_id = :siteId and lot_id = :lotId
                        """)
                .param("siteId", siteId.value())
                .param("lotId", portion.lotId().value())
                .param("quantity", portion.quantity().value())
                .update();
        jdbc.sql("delete from inventory_lot where site_id = :siteId and lot_id = :lotId and quantity_tonnes = 0")
                .param("siteId", siteId.value())
                .param("lotId", portion.lotId().value())
                .update();
    }
}
