package org.reserveledger.projections.commitment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.reserveledger.domain.commitment.CommitmentMade;
import org.reserveledger.domain.commitment.CommitmentSettled;
import org.reserveledger.domain.commitment.DrawReplenished;
import org.reserveledger.domain.commitment.ManufacturerRegistered;
import org.reserveledger.domain.commitment.MaterialDrawn;
import org.reserveledger.domain.commitment.StorageFeeCharged;
import org.reserveledger.domain.supply.DisruptionDeclared;
import org.reserveledger.domain.supply.DisruptionEnded;
import org.reserveledger.domain.supply.Entitlement;
import org.reserveledger.projections.replay.Projection;
import org.reserveledger.projections.replay.ReadModel;
import org.reserveledger.projections.support.ProjectionWrites;
import org.springframework.stereotype.Component;
import java.util.List;

/**
 * Builds the commitment tables as dated rows: draws by {@code drawnOn}, replenishments by
 * {@code replenishedOn}, storage fees by the day they were charged to,
 * disruptions with their days. {@link CommitmentQueries} sums them up to any value date. When a
 * disruption ends, its emergency draws get their replenish-by date: the end date plus each
 * commitment's days to replenish.
 */
@Component
@ProcessingGroup(CommitmentProjection.NAME)
// One sequence: a disruption's end dates the emergency draws of every commitment of its mineral, which a parked
// draw would miss.
@ReadModel(parking = ReadModel.Parking.ONE_SEQUENCE, tables = {
        "commitment_entitlement",
        "commitment_disruption",
        "commitment_storage_fee",
        "commitment_replenishment",
        "commitment_draw",
        "commitment_view",
        "commitment_manufacturer"})
public class CommitmentProjection {

    public static final String NAME = "commitments";

    private final ProjectionWrites writes;

    public CommitmentProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(ManufacturerRegistered event) {
        writes.insert("insert into commitment_manufacturer (manufacturer_id, name) values (:id, :name)")
                .param("id", event.manufacturerId().value())
                .param("name", event.name())
                .add();
    }

    @EventHandler
    void on(CommitmentMade event) {
        writes.insert("""
                        insert into commitment_view (commitment_id, manufacturer_id, mineral, quantity_tonnes,
                            price_per_tonne_usd, start_date, end_date, upfront_fee_usd, storage_fee_rate_usd,
                            replenish_within_days)
                        values (:id, :manufacturer, :mineral, :quantity, :price, :start, :end, :upfront, :rate, :days)
                        """)
                .param("id", event.commitmentId().value())
                .param("manufacturer", event.manufacturerId().value())
                .param("mineral", event.mineral().name())
                .param("quantity", event.quantity().value())
                .param("price", event.pricePerTonne().value())
                .param("start", event.startDate())
                .param("end", event.endDate())
                .param("upfront", event.upfrontFee().value())
                .param("rate", event.storageFeePerTonneMonth().value())
                .param("days", event.replenishWithinDays())
                .add();
    }

    @EventHandler
    void on(MaterialDrawn event) {
        writes.insert("""
                        insert into commitment_draw (draw_id, commitment_id, site_id, quantity_tonnes, drawn_on,
                            emergency, disruption_id, replenish_by)
                        values (:drawId, :commitmentId, :siteId, :quantity, :drawnOn, :emergency, :disruptionId,
                            :replenishBy)
                        """)
                .param("drawId", event.drawId().value())
                .param("commitmentId", event.commitmentId().value())
                .param("siteId", event.siteId().value())
                .param("quantity", event.quantity().value())
                .param("drawnOn", event.drawnOn())
                .param("emergency", event.emergency())
                .param("disruptionId", event.disruptionId() == null ? null : event.disruptionId().value())
                .param("replenishBy", event.replenishBy())
                .add();
    }

    @EventHandler
    void on(DrawReplenished event) {
        writes.insert("""
                        insert into commitment_replenishment (lot_id, commitment_id, site_id, quantity_tonnes,
                            replenished_on)
                        values (:lotId, :commitmentId, :siteId, :quantity, :replenishedOn)
                        """)
                .param("lotId", event.lotId().value())
                .param("commitmentId", event.commitmentId().value())
                .param("siteId", event.siteId().value())
                .param("quantity", event.quantity().value())
                .param("replenishedOn", event.replenishedOn())
                .add();
    }

    @EventHandler
    void on(StorageFeeCharged event) {
        writes.insert("""
                        insert into commitment_storage_fee (commitment_id, month, amount_usd, charged_to)
                        values (:id, :month, :amount, :to)
                        """)
                .param("id", event.commitmentId().value())
                .param("month", event.month().toString())
                .param("amount", event.amount().value())
                .param("to", event.to())
                .add();
    }

    @EventHandler
    void on(CommitmentSettled event) {
        writes.sql("""
                        update commitment_view set settled_on = :on, proceeds_usd = :proceeds
                        where commitment_id = :id
                        """)
                .param("id", event.commitmentId().value())
                .param("on", event.settledOn())
                .param("proceeds", event.proceeds().value())
                .update();
    }

    @EventHandler
    void on(DisruptionDeclared event) {
        writes.insert("""
                        insert into commitment_disruption (disruption_id, mineral, reason, declared_on, ratio)
                        values (:id, :mineral, :reason, :declaredOn, :ratio)
                        """)
                .param("id", event.disruptionId().value())
                .param("mineral", event.mineral().name())
                .param("reason", event.reason())
                .param("declaredOn", event.declaredOn())
                .param("ratio", event.ratio())
                .add();
        for (Entitlement entitlement : event.entitlements()) {
            writes.insert("""
                            insert into commitment_entitlement (disruption_id, commitment_id, tonnes)
                            values (:disruptionId, :commitmentId, :tonnes)
                            """)
                    .param("disruptionId", event.disruptionId().value())
                    .param("commitmentId", entitlement.commitmentId().value())
                    .param("tonnes", entitlement.tonnes().value())
                    .add();
        }
    }

    @EventHandler
    void on(DisruptionEnded event) {
        writes.sql("update commitment_disruption set ended_on = :on where disruption_id = :id")
                .param("id", event.disruptionId().value())
                .param("on", event.endedOn())
                .update();
        writes.sql("""
                        update commitment_draw d set replenish_by = :on::date + c.replenish_within_days
                        from commitment_view c
                        where c.commitment_id = d.commitment_id and d.disruption_id = :id and d.replenish_by is null
                        """)
                .param("id", event.disruptionId().value())
                .param("on", event.endedOn())
                .update();
    }

    @ResetHandler
    void reset() {
        Projection.tablesOf(getClass()).forEach(table -> writes.sql("delete from " + table).update());
    }
}
