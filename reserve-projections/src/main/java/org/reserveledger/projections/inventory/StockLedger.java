package org.reserveledger.projections.inventory;

import org.reserveledger.domain.shared.BusinessDay;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;

/**
 * The one reading of the inventory projection's stock ledger that every inventory view starts from: each
 * lot's quantity on hand at, and in transit to, each site at the end of a business date, with what stays
 * true of the lot. Views at any date, today's included, are queries over it.
 */
public final class StockLedger {

    /**
     * Common table expression {@code held(site_id, lot_id, mineral, on_hand, in_transit, unit_cost_usd,
     * supplier, origin_country, funding_source, received_at)}: the lots with anything at a site at the end of
     * {@code :valueDate}, bound by {@link #at(LocalDate)}.
     */
    public static final String HELD = """
            held as (
                select m.site_id, m.lot_id, m.mineral, m.on_hand, m.in_transit, l.unit_cost_usd, l.supplier,
                       l.origin_country, l.funding_source, l.received_at
                from (select site_id, lot_id, mineral, sum(on_hand_tonnes) as on_hand,
                             sum(in_transit_tonnes) as in_transit
                      from inventory_movement where at < :bookEnd
                      group by site_id, lot_id, mineral
                      having sum(on_hand_tonnes) <> 0 or sum(in_transit_tonnes) <> 0) m
                join inventory_lot l on l.lot_id = m.lot_id
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

    /** The parameters {@link #HELD} and {@link #PRICE_IN_FORCE} read for the end of {@code valueDate}. */
    public static Map<String, Object> at(LocalDate valueDate) {
        return Map.of("valueDate", valueDate, "bookEnd", Timestamp.from(BusinessDay.after(valueDate)));
    }
}
