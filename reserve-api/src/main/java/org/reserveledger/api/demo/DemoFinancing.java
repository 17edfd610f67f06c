package org.reserveledger.api.demo;

import org.reserveledger.domain.financing.AdmitInvestorCommand;
import org.reserveledger.domain.financing.CallCapitalCommand;
import org.reserveledger.domain.financing.CapitalCalled;
import org.reserveledger.domain.financing.ContributeCapitalCommand;
import org.reserveledger.domain.financing.DayCount;
import org.reserveledger.domain.financing.DrawLoanCommand;
import org.reserveledger.domain.financing.EstablishFacilityCommand;
import org.reserveledger.domain.financing.RepayLoanCommand;
import org.reserveledger.domain.shared.CapitalCallId;
import org.reserveledger.domain.shared.ContributionId;
import org.reserveledger.domain.shared.DrawdownId;
import org.reserveledger.domain.shared.FacilityId;
import org.reserveledger.domain.shared.InvestorId;
import org.reserveledger.domain.shared.RepaymentId;
import org.reserveledger.domain.shared.Usd;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The demo reserve's financing: a USD 10 billion, 15-year EXIM facility and USD 1.67 billion of
 * private capital from five investors, drawn, called and contributed as the material is bought.
 */
@Component
class DemoFinancing {

    static final FacilityId EXIM = FacilityId.of("EXIM-VAULT-1");

    /** Establishes the facility, admits the investors and funds the first purchases. */
    void establish(DemoReserve.Sender sender, LocalDate start) {
        sender.send(new EstablishFacilityCommand(EXIM, "Export-Import Bank of the United States",
                Usd.of("10000000000.00"), new BigDecimal("4.25"), DayCount.ACT_360, start.plusYears(15)));
        investor(sender, "GRANITE-PEAK", "Granite Peak Infrastructure Partners", "500000000.00");
        investor(sender, "HARBOR-PENSION", "Harbor State Pension Fund", "420000000.00");
        investor(sender, "MERIDIAN-SOVEREIGN", "Meridian Sovereign Investment", "350000000.00");
        investor(sender, "LONGVIEW-LIFE", "Longview Life Insurance", "250000000.00");
        investor(sender, "SUMMIT-ENDOWMENT", "Summit University Endowment", "150000000.00");
        sender.send(new DrawLoanCommand(EXIM, DrawdownId.random(), Usd.of("900000000.00"), start.plusDays(10),
                "First procurement tranche"));
        call(sender, "400000000.00", start.plusDays(5), start.plusDays(15), true);
    }

    /** Later drawdowns, a second capital call partly paid, and an interest-first repayment. */
    void operate(DemoReserve.Sender sender, LocalDate start, LocalDate today) {
        sender.send(new DrawLoanCommand(EXIM, DrawdownId.random(), Usd.of("650000000.00"), start.plusDays(60),
                "Second procurement tranche"));
        call(sender, "300000000.00", start.plusDays(50), start.plusDays(65), false);
        sender.send(new RepayLoanCommand(EXIM, RepaymentId.random(), Usd.of("60000000.00"), start.plusDays(180)));
        sender.send(new DrawLoanCommand(EXIM, DrawdownId.random(), Usd.of("250000000.00"),
                start.plusDays(200).isAfter(today) ? today : start.plusDays(200), "Storage and handling"));
    }

    private static void investor(DemoReserve.Sender sender, String id, String name, String commitment) {
        sender.send(new AdmitInvestorCommand(InvestorId.of(id), name, Usd.of(commitment)));
    }

    /** Calls capital; every investor pays, in full or — for the second call — all but the last. */
    private static void call(DemoReserve.Sender sender, String amount, LocalDate due, LocalDate paid, boolean everyone) {
        CapitalCallId callId = CapitalCallId.random();
        CapitalCalled called = (CapitalCalled) sender.send(new CallCapitalCommand(callId, Usd.of(amount), due));
        int count = 0;
        for (CapitalCalled.Allocation allocation : called.allocations()) {
            if (everyone || ++count < called.allocations().size()) {
                sender.send(new ContributeCapitalCommand(ContributionId.random(), allocation.investorId(), callId,
                        allocation.amount(), paid));
            }
        }
    }
}
