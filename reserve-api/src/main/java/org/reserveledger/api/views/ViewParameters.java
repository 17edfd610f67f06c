package org.reserveledger.api.views;

import org.reserveledger.api.web.InvalidRequest;
import org.reserveledger.domain.shared.DateBounds;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Descriptions and strict readings of the query parameters views accept. */
final class ViewParameters {

    static final String AS_OF = "the view as it stood at this instant (ISO-8601 UTC), rebuilt from the events "
            + "recorded up to it; its business date (today, the default value date) is that instant's day";
    static final String MIN_POSITION = "wait until the view has applied this event position";
    static final String VALUE_DATE = "the books at the end of this business date (YYYY-MM-DD), by the dates the events "
            + "carry, valued at the prices in force that day; default today, or the asOf instant's day";

    private ViewParameters() {
    }

    /** One to {@code max} business dates, comma-separated, each a date YYYY-MM-DD within the span the books mean. */
    static List<LocalDate> valueDates(String field, String text, int max) {
        String[] items = text.split(",", -1);
        if (text.isBlank()) {
            throw new InvalidRequest(field, "must name at least one date YYYY-MM-DD");
        }
        if (items.length > max) {
            throw new InvalidRequest(field, "must name at most " + max + " dates, not " + items.length);
        }
        List<LocalDate> dates = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            if (item.isEmpty()) {
                throw new InvalidRequest(field, "item " + (i + 1) + " is empty; dates are separated by single commas");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(item);
            } catch (DateTimeParseException e) {
                throw new InvalidRequest(field, "item " + (i + 1) + " is not a date YYYY-MM-DD");
            }
            if (!DateBounds.contains(date)) {
                throw new InvalidRequest(field, "item " + (i + 1) + " must be " + DateBounds.RANGE);
            }
            dates.add(date);
        }
        return dates;
    }
}
