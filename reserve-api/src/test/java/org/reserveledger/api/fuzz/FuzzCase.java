package org.reserveledger.api.fuzz;

import org.reserveledger.api.fuzz.ApiDocument.Operation;

import java.util.List;

/**
 * Requests sent in order to one operation, changed from a valid request at {@code target} (e.g.
 * {@code body.receivedAt}, {@code query.asOf}, {@code auth}) to {@code input}.
 */
record FuzzCase(Operation operation, String target, String input, List<RawHttp.Request> requests) {

    static String shorten(String text, int length) {
        if (text == null) {
            return "null";
        }
        return text.length() <= length ? text : text.substring(0, length) + "…(" + text.length() + " chars)";
    }
}
