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
import org.reserveledger.domain.shared.BusinessDay;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.projections.replay.Projection;
import org.reserveledger.projections.replay.ReadModel;
import org.reserveledger.projections.support.ProjectionWrites;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
// One sequence: a transfer's in-transit rows are written by the source site's dispatch and removed by the destination
// site's receipt; a receipt applied ahead of its parked dispatch would leave the material in transit for ever.
@ReadModel(parking = ReadModel.Parking.ONE_SEQUENCE, tables = {
        "inventory_movement",
        "inventory_holding",
        "inventory_position",
        "inventory_position_day",
        "inventory_lot",
        "inventory_site",
        "inventory_reference_price",
        "inventory_outstanding",
        "inventory_commitment",
        "inventory_draw"})
public class InventoryProjection {

    public static final String NAME = "inventory";

    private final ProjectionWrites writes;
    /**
     * The movements of a batch added to the lots' holdings and to the sites' positions, once per batch: each lot's
     * movements summed first, so each holding and position row is written once, and the lots on hand counted from
     * each holding's quantity before and after the batch. A withdrawal names no cost or origin: its lot's holding,
     * written by the lot's arrival, has them.
     */
    private final ProjectionWrites.SetWrite holdings;

    /**
     * The movements of a batch added to the days they fall on, once per batch: their tonnes and book cost, and the
     * lots that came to have something on hand at the end of a day, or ceased to. Whether a lot had anything on
     * hand at the end of each day it moved is worked out over all its movements at the site twice, with and
     * without the batch's, and the difference is added: a movement dated before others of its lot, as a back-dated
     * withdrawal, moves the day the lot ran out to where it now does. Cost, mineral and origin are the lot's own.
     */
    private final ProjectionWrites.SetWrite days;
    /**
     * Changes to the outstanding quantity of commitments named by id alone, in their commitment's mineral: written
     * after the batch's inserts, so a commitment made in the same batch is there, and without a read of its own
     * that would send what is held back. A commitment the projection does not have leaves the mineral null, which
     * the table refuses.
     */
    private final ProjectionWrites.SetWrite outstandingOfCommitments;

    public InventoryProjection(ProjectionWrites writes) {
        this.writes = writes;
        this.days = writes.setWrite("""
                with added as (
                    select site_id, lot_id, day, sum(on_hand) as on_hand, sum(in_transit) as in_transit
                    from unnest(?::varchar[], ?::uuid[], ?::date[], ?::numeric[], ?::numeric[])
                        as movement (site_id, lot_id, day, on_hand, in_transit)
                    group by site_id, lot_id, day
                ),
                lot_day as (
                    select m.site_id, m.lot_id, (m.at at time zone 'UTC')::date as day, sum(m.on_hand_tonnes) as on_hand
                    from inventory_movement m
                    where (m.site_id, m.lot_id) in (select site_id, lot_id from added)
                    group by m.site_id, m.lot_id, (m.at at time zone 'UTC')::date
                ),
                held as (
                    select d.site_id, d.lot_id, d.day,
                           (sum(d.on_hand) over w > 0)::int as held_now,
                           (sum(d.on_hand - coalesce(a.on_hand, 0)) over w > 0)::int as held_before
                    from lot_day d
                    left join added a on a.site_id = d.site_id and a.lot_id = d.lot_id and a.day = d.day
                    window w as (partition by d.site_id, d.lot_id order by d.day)
                ),
                lots as (
                    select site_id, lot_id, day,
                           (held_now - lag(held_now, 1, 0) over w) - (held_before - lag(held_before, 1, 0) over w) as lots
                    from held
                    window w as (partition by site_id, lot_id order by day)
                ),
                changed as (
                    select coalesce(a.site_id, l.site_id) as site_id, coalesce(a.lot_id, l.lot_id) as lot_id,
                           coalesce(a.day, l.day) as day, coalesce(a.on_hand, 0) as on_hand,
                           coalesce(a.in_transit, 0) as in_transit, coalesce(l.lots, 0) as lots
                    from added a
                    full join (select * from lots where lots <> 0) l
                        on l.site_id = a.site_id and l.lot_id = a.lot_id and l.day = a.day
                )
                insert into inventory_position_day as p (day, site_id, mineral, origin_country, on_hand_tonnes,
                    in_transit_tonnes, book_usd, lots_on_hand)
                select c.day, c.site_id, lot.mineral, lot.origin_country, sum(c.on_hand), sum(c.in_transit),
                       sum((c.on_hand + c.in_transit) * lot.unit_cost_usd), sum(c.lots)
                from changed c
                join inventory_lot lot on lot.lot_id = c.lot_id
                group by c.day, c.site_id, lot.mineral, lot.origin_country
                on conflict (day, site_id, mineral, origin_country) do update
                    set on_hand_tonnes = p.on_hand_tonnes + excluded.on_hand_tonnes,
                        in_transit_tonnes = p.in_transit_tonnes + excluded.in_transit_tonnes,
                        book_usd = p.book_usd + excluded.book_usd,
                        lots_on_hand = p.lots_on_hand + excluded.lots_on_hand
                """, "varchar", "uuid", "date", "numeric", "numeric");
        this.outstandingOfCommitments = writes.setWrite("""
                insert into inventory_outstanding (commitment_id, mineral, on_date, tonnes)
                select change.commitment_id, c.mineral, change.on_date, change.tonnes
                from unnest(?::uuid[], ?::date[], ?::numeric[]) as change (commitment_id, on_date, tonnes)
                left join inventory_commitment c on c.commitment_id = change.commitment_id
                """, "uuid", "date", "numeric");
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
        outstandingOfCommitments.add(event.commitmentId().value(), event.replenishedOn(), event.quantity().value().negate());
    }

    @EventHandler
    void on(CommitmentSettled event) {
        // Bought back: from its settlement day nothing is committed or outstanding any more.
        writes.sql("update inventory_commitment set settled_on = :on where commitment_id = :id")
                .param("id", event.commitmentId().value())
                .param("on", event.settledOn())
                .update();
        if (event.outstandingDraws().isPositive()) {
            outstandingOfCommitments.add(event.commitmentId().value(), event.settledOn(),
                    event.outstandingDraws().value().negate());
        }
    }

    @EventHandler
    void on(ReferencePriceSet event) {
        // The same mineral and date again corrects that date's price: the rows of one statement are written in the
        // order they came, one statement each (a select, not values, so the driver does not fold them into one).
        writes.insert("""
                        insert into inventory_reference_price (mineral, effective_from, price_per_tonne_usd, source)
                        select :mineral, :effectiveFrom, :price, :source
                        on conflict (mineral, effective_from) do update
                            set price_per_tonne_usd = excluded.price_per_tonne_usd, source = excluded.source
                        """)
                .param("mineral", event.mineral().name())
                .param("effectiveFrom", event.effectiveFrom())
                .param("price", event.pricePerTonne().value())
                .param("source", event.source())
                .add();
    }

    @ResetHandler
    void reset() {
        Projection.tablesOf(getClass()).forEach(table -> writes.sql("delete from " + table).update());
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
                // Whole microseconds, as PostgreSQL keeps them, cut rather than rounded: the day it is stored on is the
                // business day it falls on, which the movement's day row is added to.
                .param("at", Timestamp.from(at.truncatedTo(ChronoUnit.MICROS)))
                .param("onHand", onHand)
                .param("inTransit", inTransit)
                .param("kind", kind)
                .param("reference", reference)
                .add();
        holdings.add(siteId.value(), lotId, mineral, unitCost, originCountry, onHand, inTransit);
        days.add(siteId.value(), lotId, BusinessDay.of(at), onHand, inTransit);
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
}
