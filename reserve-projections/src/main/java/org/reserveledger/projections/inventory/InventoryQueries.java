package org.reserveledger.projections.inventory;

import org.axonframework.queryhandling.QueryHandler;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers the inventory views and the reference prices from the inventory projection's tables, at the end
 * of a business date, valued at the prices in force that day. The national position is the sum of the
 * per-site rows, each rounded to the cent once, so sites always add up to it.
 */
@Component
public class InventoryQueries {

    private final JdbcClient jdbc;

    public InventoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public SiteList handle(FindSitesQuery query) {
        return new SiteList(jdbc.sql("""
                        select site_id, name, state, capacity_tonnes, status from inventory_site order by site_id
                        """)
                .query((rs, n) -> new SiteSummary(rs.getString("site_id"), rs.getString("name"), rs.getString("state"),
                        tonnes(rs.getBigDecimal("capacity_tonnes")), rs.getString("status")))
                .list());
    }

    @QueryHandler
    public InventoryBySite handle(FindInventoryBySiteQuery query) {
        Map<String, SiteInventoryBuilder> sites = new LinkedHashMap<>();
        jdbc.sql("select site_id, capacity_tonnes from inventory_site order by site_id")
                .query(rs -> {
                    sites.put(rs.getString("site_id"),
                            new SiteInventoryBuilder(rs.getString("site_id"), tonnes(rs.getBigDecimal("capacity_tonnes"))));
                });
        for (SiteMineralRow row : siteMineralRows(query.valueDate())) {
            SiteInventoryBuilder site = sites.get(row.siteId());
            if (site != null) {
                site.minerals.add(row.toView());
            }
        }
        return new InventoryBySite(sites.values().stream().map(SiteInventoryBuilder::build).toList());
    }

    @QueryHandler
    public InventoryByMineral handle(FindInventoryByMineralQuery query) {
        LocalDate on = query.businessDate();
        Map<String, MineralPosition> positions = new TreeMap<>();
        for (SiteMineralRow row : siteMineralRows(on)) {
            SiteMineral site = row.toView();
            positions.merge(row.mineral(), MineralPosition.of(site), MineralPosition::plus);
        }
        jdbc.sql("""
                        select c.mineral,
                               sum(c.quantity_tonnes) filter (where c.start_date <= :on
                                   and (c.settled_on is null or c.settled_on > :on)) as committed,
                               (select sum(o.tonnes) from inventory_outstanding o
                                where o.mineral = c.mineral and o.on_date <= :on) as outstanding
                        from inventory_commitment c group by c.mineral
                        """)
                .param("on", on)
                .query(rs -> {
                    String mineral = rs.getString("mineral");
                    BigDecimal committed = rs.getBigDecimal("committed");
                    BigDecimal outstanding = rs.getBigDecimal("outstanding");
                    positions.compute(mineral, (code, position) -> (position == null ? MineralPosition.empty(code) : position)
                            .withCommitments(tonnes(committed == null ? BigDecimal.ZERO : committed),
                                    tonnes(outstanding == null ? BigDecimal.ZERO : outstanding)));
                });
        jdbc.sql("""
                        select mineral, sum(quantity_tonnes) as drawn from inventory_draw
                        where drawn_on > :from and drawn_on <= :to group by mineral
                        """)
                .param("from", on.minusDays(MineralPosition.CONSUMPTION_DAYS))
                .param("to", on)
                .query(rs -> {
                    String mineral = rs.getString("mineral");
                    BigDecimal drawn = tonnes(rs.getBigDecimal("drawn"));
                    positions.compute(mineral, (code, position) -> (position == null ? MineralPosition.empty(code) : position)
                            .withConsumption(drawn));
                });
        return new InventoryByMineral(List.copyOf(positions.values()));
    }

    @QueryHandler
    public ReferencePrices handle(FindReferencePricesQuery query) {
        return new ReferencePrices(jdbc.sql("""
                        select distinct on (mineral) mineral, price_per_tonne_usd, effective_from, source
                        from inventory_reference_price where effective_from <= :valueDate
                        order by mineral, effective_from desc
                        """)
                .param("valueDate", query.valueDate())
                .query((rs, n) -> price(rs))
                .list());
    }

    @QueryHandler
    public ReferencePrices handle(FindPriceHistoryQuery query) {
        return new ReferencePrices(jdbc.sql("""
                        select mineral, price_per_tonne_usd, effective_from, source
                        from inventory_reference_price where mineral = :mineral
                        order by effective_from
                        """)
                .param("mineral", query.mineral().name())
                .query((rs, n) -> price(rs))
                .list());
    }

    private static ReferencePrices.Price price(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ReferencePrices.Price(rs.getString("mineral"), rs.getBigDecimal("price_per_tonne_usd"),
                rs.getObject("effective_from", LocalDate.class), rs.getString("source"));
    }

    private List<SiteMineralRow> siteMineralRows(LocalDate valueDate) {
        return jdbc.sql("with " + StockLedger.POSITIONS + """
                        , by_site as (
                            select site_id, mineral, sum(on_hand) as on_hand, sum(in_transit) as in_transit,
                                   sum(lots) as lots, sum(book) as book
                            from positions group by site_id, mineral
                        )
                        select s.site_id, s.mineral, s.on_hand, s.in_transit, s.lots as lot_count, s.book, p.price
                        from by_site s
                        """ + "left join " + StockLedger.PRICE_IN_FORCE.formatted("s.mineral") + " p on true order by 1, 2")
                .params(StockLedger.at(valueDate))
                .query((rs, n) -> new SiteMineralRow(rs.getString("site_id"), rs.getString("mineral"),
                        rs.getBigDecimal("on_hand"), rs.getBigDecimal("in_transit"), rs.getInt("lot_count"),
                        rs.getBigDecimal("book"), rs.getBigDecimal("price")))
                .list();
    }

    private static BigDecimal tonnes(BigDecimal value) {
        return Tonnes.of(value).value();
    }

    private record SiteMineralRow(String siteId, String mineral, BigDecimal onHand, BigDecimal inTransit, int lotCount,
                                  BigDecimal book, BigDecimal price) {

        SiteMineral toView() {
            BigDecimal referenceValue = price == null ? null
                    : Usd.rounded(onHand.add(inTransit).multiply(price)).value();
            return new SiteMineral(mineral, tonnes(onHand), tonnes(inTransit), tonnes(onHand), lotCount,
                    Usd.rounded(book).value(), referenceValue);
        }
    }

    private static final class SiteInventoryBuilder {
        private final String siteId;
        private final BigDecimal capacity;
        private final List<SiteMineral> minerals = new ArrayList<>();

        SiteInventoryBuilder(String siteId, BigDecimal capacity) {
            this.siteId = siteId;
            this.capacity = capacity;
        }

        SiteInventory build() {
            BigDecimal used = minerals.stream()
                    .map(m -> m.onHandTonnes().add(m.inTransitTonnes()))
                    .reduce(tonnes(BigDecimal.ZERO), BigDecimal::add);
            return new SiteInventory(siteId, capacity, used, List.copyOf(minerals));
        }
    }
}
