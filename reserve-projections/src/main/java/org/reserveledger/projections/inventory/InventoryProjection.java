package org.reserveledger.projections.inventory;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.reserveledger.domain.commitment.CommitmentMade;
import org.reserveledger.domain.commitment.CommitmentSettled;
import org.reserveledger.domain.commitment.DrawReplenished;
import org.reserveledger.domain.commitment.MaterialDrawn;
import org.reserveledger.domain.inventory.DepositReversed;
import org.reserveledger.domain.inventory.Lot;
import org.reserveledger.domain.inventory.LotDeposited;
import org.reserveledger.domain.inventory.LotPortion;
import org.reserveledger.domain.inventory.SiteRegistered;
import org.reserveledger.domain.inventory.StockDelivered;
import org.reserveledger.domain.inventory.StockDispatched;
import org.reserveledger.domain.inventory.StockDrawn;
import org.reserveledger.domain.inventory.StockWithdrawn;
import org.reserveledger.domain.inventory.TransferReceived;
import org.reserveledger.domain.inventory.WithdrawalReversed;
import org.reserveledger.domain.pricing.ReferencePriceSet;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.projections.support.ProjectionWrites;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Builds the inventory tables from site, reference-price and commitment events: a stock ledger of every
 * change to a lot's quantity at a site at its business instant, the reference prices by effective date,
 * and the commitments with the dates that change what is committed and outstanding. Every view at any
 * business date is a query over these rows. It runs in a streaming processor whose token is stored in the
 * same transaction as these rows, so each event is applied exactly once, and a replay starts from empty tables.
 */
@Component
@ProcessingGroup(InventoryProjection.NAME)
public class InventoryProjection {

    public static final String NAME = "inventory";

    /** The tables this projection writes, and no other projection does; children before parents. */
    public static final List<String> TABLES = List.of("inventory_movement",
            "inventory_holding",
            "inventory_position",
            "inventory_lot",
            "inventory_site",
            "inventory_reference_price",
            "inventory_outstanding",
            "inventory_commitment",
            "inventory_draw");

    private final ProjectionWrites writes;
    /**
     * The movements of a batch added to the lots' holdings and to the sites' positions, once per batch: each lot's
     * movements summed first, so each holding and position row is written once, and the lots on hand counted from
     * each holding's quantity before and after the batch. A withdrawal names no cost or origin: its lot's holding,
     * written by the lot's arrival, has them.
     */
    private final ProjectionWrites.SetWrite holdings;

    public InventoryProjection(ProjectionWrites writes) {
        this.writes = writes;
        this.holdings = writes.setWrite("""
                with movement (site_id, lot_id, mineral, unit_cost_usd, origin_country, on_hand, in_transit) as (
                    select * from unnest(?::varchar[], ?::uuid[], ?::varchar[], ?::numeric[], ?::varchar[],
                                         ?::numeric[], ?::numeric[])
                ),
                net as (
                    select site_id, lot_id, min(mineral) as mineral, max(unit_cost_usd) as unit_cost_usd,
                           max(origin_country) as origin_country, sum(on_hand) as on_hand, sum(in_transit) as in_transit
                    from movement group by site_id, lot_id
                ),
                holding as (
                    insert into inventory_holding as h (site_id, lot_id, mineral, unit_cost_usd, origin_country,
                        on_hand_tonnes, in_transit_tonnes)
                    select site_id, lot_id, mineral, unit_cost_usd, origin_country, on_hand, in_transit from net
                    on conflict (site_id, lot_id) do update
                        set on_hand_tonnes = h.on_hand_tonnes + excluded.on_hand_tonnes,
                            in_transit_tonnes = h.in_transit_tonnes + excluded.in_transit_tonnes
                    returning h.site_id, h.lot_id, h.mineral, h.origin_country, h.unit_cost_usd, h.on_hand_tonnes
                )
                insert into inventory_position as p (site_id, mineral, origin_country, on_hand_tonnes,
                    in_transit_tonnes, book_usd, lots_on_hand)
                select h.site_id, h.mineral, h.origin_country, sum(n.on_hand), sum(n.in_transit),
                       sum((n.on_hand + n.in_transit) * h.unit_cost_usd),
                       sum((h.on_hand_tonnes > 0)::int - (h.on_hand_tonnes - n.on_hand > 0)::int)
                from holding h
                join net n on n.site_id = h.site_id and n.lot_id = h.lot_id
                group by h.site_id, h.mineral, h.origin_country
                on conflict (site_id, mineral, origin_country) do update
                    set on_hand_tonnes = p.on_hand_tonnes + excluded.on_hand_tonnes,
                        in_transit_tonnes = p.in_transit_tonnes + excluded.in_transit_tonnes,
                        book_usd = p.book_usd + excluded.book_usd,
                        lots_on_hand = p.lots_on_hand + excluded.lots_on_hand
                """, "varchar", "uuid", "varchar", "numeric", "varchar", "numeric", "numeric");
    }

    @EventHandler
    void on(SiteRegistered event) {
        writes.insert("""
                        insert into inventory_site (site_id, name, state, capacity_tonnes, status)
                        values (:siteId, :name, :state, :capacity, 'ACTIVE')
                        """)
                .param("siteId", event.siteId().value())
                .param("name", event.name())
                .param("state", event.state())
                .param("capacity", event.capacity().value())
                .add();
    }

    @EventHandler
    void on(LotDeposited event) {
        recordLot(event.lot());
        onHand(event.siteId(), event.lot(), event.lot().receivedAt(), "DEPOSIT", event.depositId().value());
    }

    @EventHandler
    void on(DepositReversed event) {
        // On the deposit's own instant: the books at every date show the lot as never received.
        onHand(event.siteId(), event.lot(), event.lot().receivedAt(), "DEPOSIT_REVERSAL", event.depositId().value(),
                true);
    }

    @EventHandler
    void on(StockWithdrawn event) {
        taken(event.siteId(), event.mineral().name(), event.lots(), event.withdrawnAt(), "WITHDRAWAL",
                event.withdrawalId().value());
    }

    @EventHandler
    void on(WithdrawalReversed event) {
        event.lots().forEach(lot -> onHand(event.siteId(), lot, event.withdrawnAt(), "WITHDRAWAL_REVERSAL",
                event.withdrawalId().value()));
    }

    @EventHandler
    void on(StockDispatched event) {
        for (Lot lot : event.lots()) {
            onHand(event.siteId(), lot, event.dispatchedAt(), "DISPATCH", event.transferId().value(), true);
            movement(event.toSiteId(), lot, event.dispatchedAt(), BigDecimal.ZERO, lot.quantity().value(), "IN_TRANSIT",
                    event.transferId().value());
        }
    }

    @EventHandler
    void on(TransferReceived event) {
        for (Lot lot : event.lots()) {
            movement(event.siteId(), lot, event.receivedAt(), lot.quantity().value(), lot.quantity().value().negate(),
                    "RECEIPT", event.transferId().value());
        }
    }

    @EventHandler
    void on(StockDrawn event) {
        taken(event.siteId(), event.mineral().name(), event.lots(), event.drawnAt(), "DRAW", event.drawId().value());
    }

    @EventHandler
    void on(StockDelivered event) {
        taken(event.siteId(), event.mineral().name(), event.lots(), event.deliveredAt(), "DELIVERY",
                event.commitmentId().value());
    }

    @EventHandler
    void on(CommitmentMade event) {
        writes.insert("""
                        insert into inventory_commitment (commitment_id, mineral, quantity_tonnes, start_date)
                        values (:id, :mineral, :quantity, :startDate)
                        """)
                .param("id", event.commitmentId().value())
                .param("mineral", event.mineral().name())
                .param("quantity", event.quantity().value())
                .param("startDate", event.startDate())
                .add();
    }

    @EventHandler
    void on(MaterialDrawn event) {
        outstanding(event.commitmentId(), event.mineral().name(), event.drawnOn(), event.quantity().value());
        writes.insert("""
                        insert into inventory_draw (draw_id, mineral, quantity_tonnes, drawn_on)
                        values (:drawId, :mineral, :quantity, :drawnOn)
                        """)
                .param("drawId", event.drawId().value())
                .param("mineral", event.mineral().name())
                .param("quantity", event.quantity().value())
                .param("drawnOn", event.drawnOn())
                .add();
    }

    @EventHandler
    void on(DrawReplenished event) {
        outstanding(event.commitmentId(), mineralOf(event.commitmentId()), event.replenishedOn(),
                event.quantity().value().negate());
    }

    @EventHandler
    void on(CommitmentSettled event) {
        // Bought back: from its settlement day nothing is committed or outstanding any more.
        writes.sql("update inventory_commitment set settled_on = :on where commitment_id = :id")
                .param("id", event.commitmentId().value())
                .param("on", event.settledOn())
                .update();
        if (event.outstandingDraws().isPositive()) {
            outstanding(event.commitmentId(), mineralOf(event.commitmentId()), event.settledOn(),
                    event.outstandingDraws().value().negate());
        }
    }

    @EventHandler
    void on(ReferencePriceSet event) {
        // The same mineral and date again corrects that date's price.
        writes.sql("""
                        insert into inventory_reference_price (mineral, effective_from, price_per_tonne_usd, source)
                        values (:mineral, :effectiveFrom, :price, :source)
                        on conflict (mineral, effective_from) do update
                            set price_per_tonne_usd = excluded.price_per_tonne_usd, source = excluded.source
                        """)
                .param("mineral", event.mineral().name())
                .param("effectiveFrom", event.effectiveFrom())
                .param("price", event.pricePerTonne().value())
                .param("source", event.source())
                .update();
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> writes.sql("delete from " + table).update());
    }

    private void recordLot(Lot lot) {
        writes.insert("""
                        insert into inventory_lot (lot_id, mineral, form, unit_cost_usd, supplier, origin_country,
                            funding_source, received_at)
                        values (:lotId, :mineral, :form, :unitCost, :supplier, :origin, :fundingSource, :receivedAt)
                        on conflict (lot_id) do nothing
                        """)
                .param("lotId", lot.lotId().value())
                .param("mineral", lot.mineral().name())
                .param("form", lot.form())
                .param("unitCost", lot.unitCostUsd().value())
                .param("supplier", lot.supplier())
                .param("origin", lot.originCountry().value())
                .param("fundingSource", lot.fundingSource().name())
                .param("receivedAt", Timestamp.from(lot.receivedAt()))
                .add();
    }

    private void onHand(SiteId siteId, Lot lot, Instant at, String kind, UUID reference) {
        onHand(siteId, lot, at, kind, reference, false);
    }

    private void onHand(SiteId siteId, Lot lot, Instant at, String kind, UUID reference, boolean leaving) {
        BigDecimal quantity = lot.quantity().value();
        movement(siteId, lot, at, leaving ? quantity.negate() : quantity, BigDecimal.ZERO, kind, reference);
    }

    private void taken(SiteId siteId, String mineral, List<LotPortion> portions, Instant at, String kind,
                       UUID reference) {
        for (LotPortion portion : portions) {
            // Taken from a lot the site holds: its holding row already names its cost and origin.
            movement(siteId, portion.lotId().value(), mineral, null, null, at, portion.quantity().value().negate(),
                    BigDecimal.ZERO, kind, reference);
        }
    }

    private void movement(SiteId siteId, Lot lot, Instant at, BigDecimal onHand, BigDecimal inTransit, String kind,
                          UUID reference) {
        movement(siteId, lot.lotId().value(), lot.mineral().name(), lot.unitCostUsd().value(),
                lot.originCountry().value(), at, onHand, inTransit, kind, reference);
    }

    /**
     * Records a change to a lot's quantity at a site in the stock ledger, and adds it to the lot's holding there
     * and to the site's position in its mineral and country of origin: its tonnes, its book cost and, when the
     * lot's quantity on hand becomes positive or drops to nothing, the number of lots on hand.
     */
    private void movement(SiteId siteId, UUID lotId, String mineral, BigDecimal unitCost, String originCountry,
                          Instant at, BigDecimal onHand, BigDecimal inTransit, String kind, UUID reference) {
        writes.insert("""
                        insert into inventory_movement (site_id, lot_id, mineral, at, on_hand_tonnes, in_transit_tonnes,
                            kind, reference)
                        values (:siteId, :lotId, :mineral, :at, :onHand, :inTransit, :kind, :reference)
                        """)
                .param("siteId", siteId.value())
                .param("lotId", lotId)
                .param("mineral", mineral)
                .param("at", Timestamp.from(at))
                .param("onHand", onHand)
                .param("inTransit", inTransit)
                .param("kind", kind)
                .param("reference", reference)
                .add();
        holdings.add(siteId.value(), lotId, mineral, unitCost, originCountry, onHand, inTransit);
    }

    private void outstanding(CommitmentId commitmentId, String mineral, LocalDate on, BigDecimal tonnes) {
        writes.insert("""
                        insert into inventory_outstanding (commitment_id, mineral, on_date, tonnes)
                        values (:id, :mineral, :on, :tonnes)
                        """)
                .param("id", commitmentId.value())
                .param("mineral", mineral)
                .param("on", on)
                .param("tonnes", tonnes)
                .add();
    }

    private String mineralOf(CommitmentId commitmentId) {
        return writes.sql("select mineral from inventory_commitment where commitment_id = :id")
                .param("id", commitmentId.value())
                .query(String.class)
                .single();
    }
}
