package org.reserveledger.api.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.reserveledger.domain.shared.Mineral;

public class MineralCodeValidator implements ConstraintValidator<MineralCode, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || Mineral.fromCode(value).isPresent()
                || ConstraintMessages.refuse(context, "must be a mineral code from GET /api/v1/minerals, such as LITHIUM");
    }
}
