package org.reserveledger.api.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.reserveledger.domain.shared.DateBounds;

import java.time.Instant;
import java.time.LocalDate;

final class BusinessDateValidator {

    private BusinessDateValidator() {
    }

    public static class OfDate implements ConstraintValidator<BusinessDate, LocalDate> {

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || DateBounds.contains(value)
                    || ConstraintMessages.refuse(context, "must be " + DateBounds.RANGE);
        }
    }

    public static class OfInstant implements ConstraintValidator<BusinessDate, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || DateBounds.contains(value)
                    || ConstraintMessages.refuse(context, "must be " + DateBounds.RANGE + " (UTC)");
        }
    }
}
