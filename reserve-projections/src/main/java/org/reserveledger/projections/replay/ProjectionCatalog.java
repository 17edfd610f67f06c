package org.reserveledger.projections.replay;

import org.reserveledger.projections.commitment.CommitmentProjection;
import org.reserveledger.projections.financing.FinancingProjection;
import org.reserveledger.projections.inventory.InventoryProjection;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Every projection that builds a view, by name. */
@Component
public class ProjectionCatalog {

    private final List<Projection> projections;

    public ProjectionCatalog(InventoryProjection inventory, CommitmentProjection commitments,
                             FinancingProjection financing) {
        this.projections = List.of(
                new Projection(InventoryProjection.NAME, InventoryProjection.TABLES, inventory),
                new Projection(CommitmentProjection.NAME, CommitmentProjection.TABLES, commitments),
                new Projection(FinancingProjection.NAME, FinancingProjection.TABLES, financing));
    }

    public List<Projection> all() {
        return projections;
    }

    public Optional<Projection> named(String name) {
        return projections.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<Projection> named(List<String> names) {
        return names.stream().map(name -> named(name).orElseThrow(
                () -> new IllegalArgumentException("no projection " + name))).toList();
    }
}
