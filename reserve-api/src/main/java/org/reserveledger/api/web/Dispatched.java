package org.reserveledger.api.web;

/**
 * A command's result and the global position of the last event it appended.
 */
public record Dispatched<R>(R result, long position) {
}
