package org.reserveledger.projections.inventory;

import org.reserveledger.domain.shared.BusinessDay;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;

/**
 * The one reading of the inventory projection's tables that every inventory view starts from: the stock at
 * each site, per mineral and country of origin, at the end of a business date. The projection keeps the
 * positions over every movement recorded; the stock at the end of a date is those less the movements dated
 * after it, found by date, so a view of today reads the positions alone, whatever the length of the ledger.
 */
public final class StockLedger {

    /**
     * Common table expression {@code positions(site_id, mineral, origin_country, on_hand, in_transit, book,
     * lots)}: the tonnes on hand at and in transit to each site at the end of {@code :valueDate}, per mineral and
     * country of origin, with their book cost (tonnes times cost per tonne, not rounded) and the number of lots
     * on hand; only rows with stock. Bound by {@link #at(LocalDate)}.
     */
    public static final String POSITIONS = """
            later as (
                select site_id, lot_id, sum(on_hand_tonnes) as on_hand, sum(in_transit_tonnes) as in_transit
                from inventory_movement where at >= :bookEnd
                group by site_id, lot_id
            ),
            positions as (
                select site_id, mineral, origin_country, sum(on_hand) as on_hand, sum(in_transit) as in_transit,
                       sum(book) as book, sum(lots) as lots
                from (
                    select site_id, mineral, origin_country, on_hand_tonnes as on_hand, in_transit_tonnes as in_transit,
                           book_usd as book, lots_on_hand as lots
                    from inventory_position
                    union all
                    -- Undone: each lot's changes after the date, and whether it had anything on hand then.
                    select h.site_id, h.mineral, h.origin_country, -l.on_hand, -l.in_transit,
                           -(l.on_hand + l.in_transit) * h.unit_cost_usd,
                           (h.on_hand_tonnes - l.on_hand > 0)::int - (h.on_hand_tonnes > 0)::int
                    from later l
                    join inventory_holding h on h.site_id = l.site_id and h.lot_id = l.lot_id
                ) changes
                group by site_id, mineral, origin_country
                having sum(on_hand) <> 0 or sum(in_transit) <> 0
            )""";

    /**
     * A lateral subquery giving {@code price} for the row's {@code mineral}: the reference price in force on
     * {@code :valueDate}, that is, the one with the latest effective date on or before it.
     */
    public static final String PRICE_IN_FORCE = """
            lateral (select p.price_per_tonne_usd as price from inventory_reference_price p
                     where p.mineral = %s and p.effective_from <= :valueDate
                     order by p.effective_from desc limit 1)""";

    private StockLedger() {
    }

    /** The parameters {@link #POSITIONS} and {@link #PRICE_IN_FORCE} read for the end of {@code valueDate}. */
    public static Map<String, Object> at(LocalDate valueDate) {
        return Map.of("valueDate", valueDate, "bookEnd", Timestamp.from(BusinessDay.after(valueDate)));
    }
}
