package org.reserveledger.domain.financing;

/**
 * How a year's interest is spread over days: actual days elapsed over a 360- or 365-day year.
 */
public enum DayCount {
    ACT_360(360),
    ACT_365(365);

    private final int daysInYear;

    DayCount(int daysInYear) {
        this.daysInYear = daysInYear;
    }

    public int daysInYear() {
        return daysInYear;
    }
}
