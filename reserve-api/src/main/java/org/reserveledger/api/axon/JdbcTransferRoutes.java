package org.reserveledger.api.axon;

import org.reserveledger.domain.inventory.TransferRoutes;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.TransferId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Transfer routes in PostgreSQL, written in the dispatching command's transaction.
 */
@Component
class JdbcTransferRoutes implements TransferRoutes {

    private final JdbcClient jdbc;

    JdbcTransferRoutes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(TransferId transferId, SiteId fromSiteId, SiteId toSiteId) {
        jdbc.sql("insert into transfer_route (transfer_id, from_site_id, to_site_id) values (:id, :from, :to)")
                .param("id", transferId.value())
                .param("from", fromSiteId.value())
                .param("to", toSiteId.value())
                .update();
    }

    @Override
    public Optional<SiteId> destinationOf(TransferId transferId) {
        return jdbc.sql("select to_site_id from transfer_route where transfer_id = :id")
                .param("id", transferId.value())
                .query(String.class)
                .optional()
                .map(SiteId::of);
    }
}
