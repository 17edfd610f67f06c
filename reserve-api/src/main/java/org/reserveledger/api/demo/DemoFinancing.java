package org.reserveledger.api.demo;

import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The demo reserve's financing: the EXIM facility and private capital, their drawdowns, calls,
 * contributions and a repayment.
 */
@Component
class DemoFinancing {

    /** Establishes the facility and admits the investors, before anything is bought. */
    void establish(DemoReserve.Sender sender, LocalDate start) {
    }

    /** Drawdowns, capital calls, contributions and a repayment through the year. */
    void operate(DemoReserve.Sender sender, LocalDate start, LocalDate today) {
    }
}
