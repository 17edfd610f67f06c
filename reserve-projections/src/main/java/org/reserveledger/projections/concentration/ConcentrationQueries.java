package org.reserveledger.projections.concentration;

import org.axonframework.queryhandling.QueryHandler;
import org.reserveledger.projections.inventory.StockLedger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes origin shares from the lots the reserve held at the end of a business date, on hand and in transit. Shares are
 * exact fractions until rounded for display (4 decimals); the index is computed from exact shares
 * and rounded to 2 decimals.
 */
@Component
public class ConcentrationQueries {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final JdbcClient jdbc;

    public ConcentrationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Concentration handle(FindConcentrationQuery query) {
        Map<String, List<Row>> byMineral = new LinkedHashMap<>();
        jdbc.sql("with " + StockLedger.POSITIONS + """
                        select mineral, origin_country, sum(on_hand + in_transit) as tonnes
                        from positions
                        group by mineral, origin_country
                        having sum(on_hand + in_transit) > 0
                        order by mineral, sum(on_hand + in_transit) desc, origin_country
                        """)
                .params(StockLedger.at(query.valueDate()))
                .query(rs -> {
                    byMineral.computeIfAbsent(rs.getString("mineral"), m -> new ArrayList<>())
                            .add(new Row(rs.getString("origin_country"), rs.getBigDecimal("tonnes")));
                });
        List<Concentration.MineralConcentration> minerals = new ArrayList<>();
        byMineral.forEach((mineral, rows) -> {
            BigDecimal total = rows.stream().map(Row::tonnes).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal hhi = BigDecimal.ZERO;
            List<Concentration.Origin> origins = new ArrayList<>();
            for (Row row : rows) {
                BigDecimal share = row.tonnes().divide(total, 20, RoundingMode.HALF_EVEN);
                hhi = hhi.add(share.multiply(share));
                origins.add(new Concentration.Origin(row.country(), row.tonnes(), share.setScale(4, RoundingMode.HALF_EVEN)));
            }
            Concentration.Origin top = origins.getFirst();
            minerals.add(new Concentration.MineralConcentration(mineral,
                    hhi.multiply(TEN_THOUSAND).setScale(2, RoundingMode.HALF_EVEN), top.country(), top.share(),
                    List.copyOf(origins)));
        });
        return new Concentration(List.copyOf(minerals));
    }

    private record Row(String country, BigDecimal tonnes) {
    }
}
