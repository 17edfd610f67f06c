package org.reserveledger.domain.financing;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.reserveledger.domain.shared.CapitalCallId;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.InvestorId;
import org.reserveledger.domain.shared.UnknownResource;
import org.reserveledger.domain.shared.Usd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The reserve's private capital: one aggregate for all investors, because a call is allocated
 * across all of them. It guards that a call never exceeds the total uncalled commitments, that it
 * is allocated pro-rata to the cent, and that no investor contributes more than its allocation.
 */
public class PrivateCapital {

    public static final String ID = "private-capital";

    @AggregateIdentifier
    private String aggregateId;
    private Map<InvestorId, Investor> investors;
    private Map<CapitalCallId, Map<InvestorId, Usd>> openAllocations;

    protected PrivateCapital() {
        // for Axon's event sourcing, and created with the first investor
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AdmitInvestorCommand command) {
        if (investors != null && investors.containsKey(command.investorId())) {
            throw new DomainRuleViolation("already-exists", "investor %s already exists".formatted(command.investorId()));
        }
        if (!command.commitment().isPositive()) {
            throw new DomainRuleViolation("commitment-not-positive", "an investor's commitment must be positive");
        }
        apply(new InvestorAdmitted(command.investorId(), command.name(), command.commitment()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CapitalCalled handle(CallCapitalCommand command) {
        if (!command.amount().isPositive()) {
            throw new DomainRuleViolation("amount-not-positive", "a capital call must be positive");
        }
        if (investors == null || investors.isEmpty()) {
            throw new DomainRuleViolation("no-investors",
                    "capital call of %s cannot be allocated: no investor has been admitted".formatted(command.amount()));
        }
        Usd uncalled = investors.values().stream().map(Investor::uncalled).reduce(Usd.ZERO, Usd::plus);
        if (command.amount().exceeds(uncalled)) {
            throw new DomainRuleViolation("call-exceeds-uncalled",
                    "capital call of %s exceeds the %s of uncalled commitments".formatted(command.amount(), uncalled));
        }
        CapitalCalled called = new CapitalCalled(command.capitalCallId(), command.amount(), command.dueDate(),
                allocate(command.amount(), uncalled, investors));
        apply(called);
        return called;
    }

    @CommandHandler
    public void handle(ContributeCapitalCommand command) {
        if (!investors.containsKey(command.investorId())) {
            throw new UnknownResource("no investor " + command.investorId());
        }
        Map<InvestorId, Usd> call = openAllocations.get(command.capitalCallId());
        if (call == null) {
            throw new UnknownResource("no capital call " + command.capitalCallId());
        }
        Usd due = call.getOrDefault(command.investorId(), Usd.ZERO);
        if (command.amount().exceeds(due)) {
            throw new DomainRuleViolation("contribution-exceeds-allocation",
                    "contribution of %s exceeds the %s investor %s still owes on capital call %s"
                            .formatted(command.amount(), due, command.investorId(), command.capitalCallId()));
        }
        apply(new CapitalContributed(command.contributionId(), command.investorId(), command.capitalCallId(),
                command.amount(), command.valueDate()));
    }

    /**
     * Each investor's share of the call in proportion to its uncalled commitment, floored to the
     * cent; the cents left over go one each to the largest remainders, ties to the lower investor id.
     */
    static List<CapitalCalled.Allocation> allocate(Usd amount, Usd uncalled, Map<InvestorId, Investor> investors) {
        record Share(InvestorId investorId, BigDecimal floor, BigDecimal remainder) {
        }
        List<Share> shares = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        List<Investor> inIdOrder = investors.values().stream()
                .sorted(Comparator.comparing(investor -> investor.investorId().value()))
                .toList();
        for (Investor investor : inIdOrder) {
            BigDecimal exact = amount.value().multiply(investor.uncalled().value())
                    .divide(uncalled.value(), 20, RoundingMode.DOWN);
            BigDecimal floor = exact.setScale(Usd.SCALE, RoundingMode.DOWN);
            shares.add(new Share(investor.investorId(), floor, exact.subtract(floor)));
            allocated = allocated.add(floor);
        }
        int cents = amount.value().subtract(allocated).movePointRight(Usd.SCALE).intValueExact();
        List<Share> byRemainder = new ArrayList<>(shares);
        byRemainder.sort(Comparator.comparing(Share::remainder).reversed()
                .thenComparing(share -> share.investorId().value()));
        Map<InvestorId, BigDecimal> extra = new HashMap<>();
        for (int i = 0; i < cents; i++) {
            extra.put(byRemainder.get(i).investorId(), new BigDecimal("0.01"));
        }
        return shares.stream()
                .map(share -> new CapitalCalled.Allocation(share.investorId(),
                        Usd.of(share.floor().add(extra.getOrDefault(share.investorId(), BigDecimal.ZERO)))))
                .filter(allocation -> allocation.amount().isPositive())
                .toList();
    }

    @EventSourcingHandler
    void on(InvestorAdmitted event) {
        if (investors == null) {
            aggregateId = ID;
            investors = new HashMap<>();
            openAllocations = new HashMap<>();
        }
        investors.put(event.investorId(), new Investor(event.investorId(), event.commitment(), Usd.ZERO));
    }

    @EventSourcingHandler
    void on(CapitalCalled event) {
        Map<InvestorId, Usd> due = new HashMap<>();
        for (CapitalCalled.Allocation allocation : event.allocations()) {
            investors.computeIfPresent(allocation.investorId(), (id, investor) -> investor.called(allocation.amount()));
            due.put(allocation.investorId(), allocation.amount());
        }
        openAllocations.put(event.capitalCallId(), due);
    }

    @EventSourcingHandler
    void on(CapitalContributed event) {
        openAllocations.get(event.capitalCallId()).computeIfPresent(event.investorId(), (id, due) -> due.minus(event.amount()));
    }

    record Investor(InvestorId investorId, Usd commitment, Usd calledSoFar) {

        Usd uncalled() {
            return commitment.minus(calledSoFar);
        }

        Investor called(Usd amount) {
            return new Investor(investorId, commitment, calledSoFar.plus(amount));
        }
    }
}
