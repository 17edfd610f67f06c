package org.reserveledger.api.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.regex.Pattern;

public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

    // Letters and digits of any script, spaces, and punctuation found in names of companies,
    // places and material forms; no markup, quotes, semicolons or control characters.
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N} .,'&()/#:+%-]*");

    private int max;

    @Override
    public void initialize(PlainText annotation) {
        max = annotation.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (value.isBlank()) {
            return ConstraintMessages.refuse(context, "must not be blank");
        }
        if (value.length() > max) {
            return ConstraintMessages.refuse(context, "must be at most " + max + " characters");
        }
        if (!PLAIN.matcher(value).matches() || value.endsWith(" ")) {
            return ConstraintMessages.refuse(context,
                    "must be plain text: letters, digits, spaces and . , ' & ( ) / # : + % -");
        }
        return true;
    }
}
