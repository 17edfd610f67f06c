package org.reserveledger.projections.commitment;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Answers the commitments view from the commitments projection's dated rows, summed up to the
 * value date asked: today's view is the same query with today's date. What was replenished by the
 * value date settles the draws made by then oldest first by their dates, so what each draw has had
 * back depends only on the business dates, not on the order the facts were recorded in.
 */
@Component
public class CommitmentQueries {

    private static final BigDecimal NO_TONNES = new BigDecimal("0.000");

    private final JdbcClient jdbc;

    public CommitmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public CommitmentList handle(FindCommitmentsQuery query) {
        LocalDate on = query.valueDate();
        // The disruption in force on the value date: declared by then and not ended before it.
        List<Row> rows = jdbc.sql("""
                        select c.*, x.disruption_id as disruption_in_force, e.tonnes as entitlement,
                            coalesce((select sum(d.quantity_tonnes) from commitment_draw d
                                      where d.commitment_id = c.commitment_id and d.drawn_on <= :on), 0) as drawn,
                            coalesce((select sum(r.quantity_tonnes) from commitment_replenishment r
                                      where r.commitment_id = c.commitment_id and r.replenished_on <= :on), 0)
                                as replenished,
                            coalesce((select sum(f.amount_usd) from commitment_storage_fee f
                                      where f.commitment_id = c.commitment_id and f.charged_to <= :on), 0) as fees
                        from commitment_view c
                        left join lateral (
                            select x.disruption_id from commitment_disruption x
                            where x.mineral = c.mineral and x.declared_on <= :on
                              and (x.ended_on is null or x.ended_on >= :on)
                            order by x.declared_on desc, x.ended_on desc nulls first
                            limit 1) x on true
                        left join commitment_entitlement e on e.disruption_id = x.disruption_id
                            and e.commitment_id = c.commitment_id
                        where (cast(:manufacturer as varchar) is null or c.manufacturer_id = :manufacturer)
                        order by c.manufacturer_id, c.start_date, c.commitment_id
                        """)
                .param("manufacturer", query.manufacturerId())
                .param("on", on)
                .query((rs, n) -> {
                    Date settledOn = rs.getDate("settled_on");
                    return new Row(rs.getObject("commitment_id", UUID.class), rs.getString("manufacturer_id"),
                            rs.getString("mineral"), rs.getBigDecimal("quantity_tonnes"),
                            rs.getBigDecimal("price_per_tonne_usd"), rs.getDate("start_date").toLocalDate(),
                            rs.getDate("end_date").toLocalDate(), rs.getBigDecimal("upfront_fee_usd"),
                            rs.getInt("replenish_within_days"), settledOn == null ? null : settledOn.toLocalDate(),
                            rs.getBigDecimal("proceeds_usd"), rs.getObject("disruption_in_force") != null,
                            rs.getBigDecimal("entitlement"), rs.getBigDecimal("drawn").setScale(3),
                            rs.getBigDecimal("replenished").setScale(3), rs.getBigDecimal("fees").setScale(2));
                })
                .list();
        Map<UUID, BigDecimal> toSettle = new LinkedHashMap<>();
        rows.forEach(row -> toSettle.put(row.commitmentId(), row.replenished()));
        Map<UUID, List<CommitmentSummary.Draw>> draws = new LinkedHashMap<>();
        // An emergency draw has no replenish-by date on days before its disruption ended.
        jdbc.sql("""
                        select d.draw_id, d.commitment_id, d.site_id, d.quantity_tonnes, d.drawn_on, d.emergency,
                            case when d.emergency and (x.ended_on is null or x.ended_on > :on) then null
                                 else d.replenish_by end as replenish_by
                        from commitment_draw d
                        join commitment_view c on c.commitment_id = d.commitment_id
                        left join commitment_disruption x on x.disruption_id = d.disruption_id
                        where (cast(:manufacturer as varchar) is null or c.manufacturer_id = :manufacturer)
                          and d.drawn_on <= :on
                        order by d.drawn_on, d.recorded
                        """)
                .param("manufacturer", query.manufacturerId())
                .param("on", on)
                .query(rs -> {
                    UUID commitmentId = rs.getObject("commitment_id", UUID.class);
                    BigDecimal quantity = rs.getBigDecimal("quantity_tonnes");
                    BigDecimal left = toSettle.getOrDefault(commitmentId, BigDecimal.ZERO);
                    BigDecimal replenished = left.min(quantity).setScale(3);
                    toSettle.put(commitmentId, left.subtract(replenished));
                    Date replenishBy = rs.getDate("replenish_by");
                    boolean open = quantity.compareTo(replenished) > 0;
                    draws.computeIfAbsent(commitmentId, id -> new ArrayList<>())
                            .add(new CommitmentSummary.Draw(rs.getString("draw_id"), rs.getString("site_id"), quantity,
                                    replenished, rs.getDate("drawn_on").toLocalDate(), rs.getBoolean("emergency"),
                                    replenishBy == null ? null : replenishBy.toLocalDate(),
                                    open && replenishBy != null && replenishBy.toLocalDate().isBefore(on)));
                });
        return new CommitmentList(rows.stream().map(row -> row.summary(on, draws.getOrDefault(row.commitmentId(),
                List.of()))).toList());
    }

    /** A commitment's terms and its figures summed up to the value date. */
    private record Row(UUID commitmentId, String manufacturerId, String mineral, BigDecimal quantity, BigDecimal price,
                       LocalDate startDate, LocalDate endDate, BigDecimal upfrontFee, int replenishWithinDays,
                       LocalDate settledOn, BigDecimal proceeds, boolean disrupted, BigDecimal entitlement,
                       BigDecimal drawn, BigDecimal replenished, BigDecimal fees) {

        /**
         * A commitment is listed from its recording on, whatever the value date; before its start
         * date it is {@code PENDING}. A commitment without a frozen entitlement under the disruption
         * in force was made after its declaration: its entitlement is 0.
         */
        CommitmentSummary summary(LocalDate on, List<CommitmentSummary.Draw> draws) {
            boolean settled = settledOn != null && !settledOn.isAfter(on);
            String status = settled ? CommitmentSummary.SETTLED
                    : on.isBefore(startDate) ? CommitmentSummary.PENDING : CommitmentSummary.ACTIVE;
            BigDecimal emergencyEntitlement = settled || !disrupted ? null : entitlement == null ? NO_TONNES : entitlement;
            return new CommitmentSummary(commitmentId.toString(), manufacturerId, mineral, quantity, drawn, replenished,
                    settled ? NO_TONNES : drawn.subtract(replenished),
                    !settled && draws.stream().anyMatch(CommitmentSummary.Draw::overdue), upfrontFee, fees, status,
                    price, startDate, endDate, replenishWithinDays, emergencyEntitlement,
                    settled ? settledOn : null, settled ? proceeds : null, draws);
        }
    }
}
