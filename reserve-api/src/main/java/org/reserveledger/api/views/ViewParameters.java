package org.reserveledger.api.views;

/** Descriptions of the query parameters every view accepts. */
final class ViewParameters {

    static final String AS_OF = "the view as it stood at this instant (ISO-8601 UTC), rebuilt from the events "
            + "recorded up to it; its business date (today, the default value date) is that instant's day";

    private ViewParameters() {
    }
}
