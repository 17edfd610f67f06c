package org.reserveledger.projections.commitment;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Answers the commitments view from the commitments projection's tables.
 */
@Component
public class CommitmentQueries {

    private final JdbcClient jdbc;

    public CommitmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public CommitmentList handle(FindCommitmentsQuery query) {
        Map<UUID, List<CommitmentSummary.Draw>> draws = new LinkedHashMap<>();
        jdbc.sql("""
                        select d.* from commitment_draw d join commitment_view c on c.commitment_id = d.commitment_id
                        where (cast(:manufacturer as varchar) is null or c.manufacturer_id = :manufacturer)
                        order by d.drawn_on, d.draw_id
                        """)
                .param("manufacturer", query.manufacturerId())
                .query(rs -> {
                    Date replenishBy = rs.getDate("replenish_by");
                    boolean open = rs.getBigDecimal("quantity_tonnes").compareTo(rs.getBigDecimal("replenished_tonnes")) > 0;
                    draws.computeIfAbsent(rs.getObject("commitment_id", UUID.class), id -> new ArrayList<>())
                            .add(new CommitmentSummary.Draw(rs.getString("draw_id"), rs.getString("site_id"),
                                    rs.getBigDecimal("quantity_tonnes"), rs.getBigDecimal("replenished_tonnes"),
                                    rs.getDate("drawn_on").toLocalDate(), rs.getBoolean("emergency"),
                                    replenishBy == null ? null : replenishBy.toLocalDate(),
                                    open && replenishBy != null && replenishBy.toLocalDate().isBefore(query.today())));
                });
        List<CommitmentSummary> commitments = jdbc.sql("""
                        select c.*, e.tonnes as entitlement
                        from commitment_view c
                        left join commitment_disruption d on d.mineral = c.mineral and d.ended_on is null
                        left join commitment_entitlement e on e.disruption_id = d.disruption_id
                            and e.commitment_id = c.commitment_id
                        where (cast(:manufacturer as varchar) is null or c.manufacturer_id = :manufacturer)
                        order by c.manufacturer_id, c.start_date, c.commitment_id
                        """)
                .param("manufacturer", query.manufacturerId())
                .query((rs, n) -> {
                    UUID id = rs.getObject("commitment_id", UUID.class);
                    List<CommitmentSummary.Draw> own = draws.getOrDefault(id, List.of());
                    boolean settled = "SETTLED".equals(rs.getString("status"));
                    Date settledOn = rs.getDate("settled_on");
                    return new CommitmentSummary(id.toString(), rs.getString("manufacturer_id"), rs.getString("mineral"),
                            rs.getBigDecimal("quantity_tonnes"), rs.getBigDecimal("drawn_tonnes"),
                            rs.getBigDecimal("replenished_tonnes"),
                            settled ? new java.math.BigDecimal("0.000")
                                    : rs.getBigDecimal("drawn_tonnes").subtract(rs.getBigDecimal("replenished_tonnes")),
                            !settled && own.stream().anyMatch(CommitmentSummary.Draw::overdue),
                            rs.getBigDecimal("upfront_fee_usd"), rs.getBigDecimal("storage_fees_charged_usd"),
                            rs.getString("status"), rs.getBigDecimal("price_per_tonne_usd"),
                            rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(),
                            rs.getInt("replenish_within_days"), settled ? null : rs.getBigDecimal("entitlement"),
                            settledOn == null ? null : settledOn.toLocalDate(), rs.getBigDecimal("proceeds_usd"), own);
                })
                .list();
        return new CommitmentList(commitments);
    }
}
