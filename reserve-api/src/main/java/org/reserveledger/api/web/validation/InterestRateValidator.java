package org.reserveledger.api.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.math.BigDecimal;

public class InterestRateValidator implements ConstraintValidator<InterestRate, BigDecimal> {

    @Override
    public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            return ConstraintMessages.refuse(context, "must be a percentage greater than 0 and at most 100");
        }
        if (value.stripTrailingZeros().scale() > 4) {
            return ConstraintMessages.refuse(context, "must have at most 4 decimals");
        }
        return true;
    }
}
