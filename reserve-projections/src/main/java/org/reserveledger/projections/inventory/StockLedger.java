package org.reserveledger.projections.inventory;

import java.time.LocalDate;
import java.util.Map;

/**
 * The one reading of the inventory projection's tables that every inventory view starts from: the stock at
 * each site, per mineral and country of origin, at the end of a business date. The projection keeps the
 * positions over every movement recorded, and what each day changed in them; the stock at the end of a date
 * is the positions less the changes of the days after it, so a view of today reads the positions alone, and a
 * view of a past date a few rows per day since, whatever the length of the ledger.
 */
public final class StockLedger {

    /**
     * Common table expression {@code positions(site_id, mineral, origin_country, on_hand, in_transit, book,
     * lots)}: the tonnes on hand at and in transit to each site at the end of {@code :valueDate}, per mineral and
     * country of origin, with their book cost (tonnes times cost per tonne, not rounded) and the number of lots
     * on hand; only rows with stock. Bound by {@link #at(LocalDate)}.
     */
    public static final String POSITIONS = """
            positions as (
                select site_id, mineral, origin_country, sum(on_hand) as on_hand, sum(in_transit) as in_transit,
                       sum(book) as book, sum(lots) as lots
                from (
                    select site_id, mineral, origin_country, on_hand_tonnes as on_hand, in_transit_tonnes as in_transit,
                           book_usd as book, lots_on_hand as lots
                    from inventory_position
                    union all
                    -- Undone: what the days after the date changed.
                    select site_id, mineral, origin_country, -on_hand_tonnes, -in_transit_tonnes, -book_usd,
                           -lots_on_hand
                    from inventory_position_day where day > :valueDate
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
        return Map.of("valueDate", valueDate);
    }
}
