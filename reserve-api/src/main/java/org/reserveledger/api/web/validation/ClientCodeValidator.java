package org.reserveledger.api.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.reserveledger.domain.shared.Code;

public class ClientCodeValidator implements ConstraintValidator<ClientCode, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || Code.isValid(value)
                || ConstraintMessages.refuse(context, "must match " + Code.REGEX);
    }
}
