package org.reserveledger.api.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.math.BigDecimal;

public class MoneyValidator implements ConstraintValidator<Money, BigDecimal> {

    static final BigDecimal MAX = new BigDecimal("1e13");

    private boolean zeroAllowed;

    @Override
    public void initialize(Money annotation) {
        zeroAllowed = annotation.zeroAllowed();
    }

    @Override
    public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
            return ConstraintMessages.refuse(context, zeroAllowed ? "must be at least 0 USD" : "must be greater than 0 USD");
        }
        if (value.compareTo(MAX) > 0) {
            return ConstraintMessages.refuse(context, "must be at most 1e13 USD");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            return ConstraintMessages.refuse(context, "must have at most 2 decimals (cents)");
        }
        return true;
    }
}
