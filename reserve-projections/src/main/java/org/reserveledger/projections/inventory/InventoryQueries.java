package org.reserveledger.projections.inventory;

import org.axonframework.queryhandling.QueryHandler;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers the inventory views from the inventory projection's tables. The national position is
 * the sum of the per-site rows, each rounded to the cent once, so sites always add up to it.
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
        for (SiteMineralRow row : siteMineralRows()) {
            SiteInventoryBuilder site = sites.get(row.siteId());
            if (site != null) {
                site.minerals.add(row.toView());
            }
        }
        return new InventoryBySite(sites.values().stream().map(SiteInventoryBuilder::build).toList());
    }

    @QueryHandler
    public InventoryByMineral handle(FindInventoryByMineralQuery query) {
        Map<String, MineralPosition> positions = new TreeMap<>();
        for (SiteMineralRow row : siteMineralRows()) {
            SiteMineral site = row.toView();
            positions.merge(row.mineral(), MineralPosition.of(site), MineralPosition::plus);
        }
        jdbc.sql("""
                        select mineral, sum(quantity_tonnes) filter (where active) as committed,
                               sum(outstanding_tonnes) as outstanding
                        from inventory_commitment group by mineral
                        """)
                .query(rs -> {
                    String mineral = rs.getString("mineral");
                    BigDecimal committed = rs.getBigDecimal("committed");
                    BigDecimal outstanding = rs.getBigDecimal("outstanding");
                    positions.compute(mineral, (code, position) -> (position == null ? MineralPosition.empty(code) : position)
                            .withCommitments(tonnes(committed == null ? BigDecimal.ZERO : committed), tonnes(outstanding)));
                });
        jdbc.sql("""
                        select mineral, sum(quantity_tonnes) as drawn from inventory_draw
                        where drawn_on > :from and drawn_on <= :to group by mineral
                        """)
                .param("from", query.businessDate().minusDays(MineralPosition.CONSUMPTION_DAYS))
                .param("to", query.businessDate())
                .query(rs -> {
                    String mineral = rs.getString("mineral");
                    BigDecimal drawn = tonnes(rs.getBigDecimal("drawn"));
                    positions.compute(mineral, (code, position) -> (position == null ? MineralPosition.empty(code) : position)
                            .withConsumption(drawn));
                });
        return new InventoryByMineral(List.copyOf(positions.values()));
    }

    private List<SiteMineralRow> siteMineralRows() {
        return jdbc.sql("""
                        with on_hand as (
                            select site_id, mineral, sum(quantity_tonnes) as tonnes, count(*) as lots,
                                   sum(quantity_tonnes * unit_cost_usd) as book
                            from inventory_lot where quantity_tonnes > 0 group by site_id, mineral
                        ), in_transit as (
                            select to_site_id as site_id, mineral, sum(quantity_tonnes) as tonnes,
                                   sum(quantity_tonnes * unit_cost_usd) as book
                            from inventory_in_transit group by to_site_id, mineral
                        )
                        select coalesce(o.site_id, t.site_id) as site_id,
                               coalesce(o.mineral, t.mineral) as mineral,
                               coalesce(o.tonnes, 0)          as on_hand,
                               coalesce(t.tonnes, 0)          as in_transit,
                               coalesce(o.lots, 0)            as lot_count,
                               coalesce(o.book, 0) + coalesce(t.book, 0) as book,
                               p.price_per_tonne_usd          as price
                        from on_hand o
                        full join in_transit t on t.site_id = o.site_id and t.mineral = o.mineral
                        left join inventory_reference_price p on p.mineral = coalesce(o.mineral, t.mineral)
                        order by 1, 2
                        """)
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
