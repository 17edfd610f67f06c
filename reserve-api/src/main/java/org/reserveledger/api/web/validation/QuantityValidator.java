package org.reserveledger.api.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.math.BigDecimal;

public class QuantityValidator implements ConstraintValidator<Quantity, BigDecimal> {

    static final BigDecimal MAX = new BigDecimal("1e9");

    @Override
    public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (value.signum() <= 0) {
            return ConstraintMessages.refuse(context, "must be greater than 0 tonnes");
        }
        if (value.compareTo(MAX) > 0) {
            return ConstraintMessages.refuse(context, "must be at most 1e9 tonnes");
        }
        if (value.stripTrailingZeros().scale() > 3) {
            return ConstraintMessages.refuse(context, "must have at most 3 decimals (kilograms)");
        }
        return true;
    }
}
