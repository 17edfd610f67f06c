package org.reserveledger.domain.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The shape of identifiers that clients choose, such as site and manufacturer ids.
 */
public final class Code {

    public static final String REGEX = "^[A-Z0-9][A-Z0-9-]{1,31}$";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private Code() {
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /** A value short enough to quote in a message. */
    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    static String require(String value, String what) {
        Objects.requireNonNull(value, what + " must not be null");
        if (!isValid(value)) {
            throw new IllegalArgumentException(what + " must match " + REGEX + ": " + abbreviate(value));
        }
        return value;
    }
}
