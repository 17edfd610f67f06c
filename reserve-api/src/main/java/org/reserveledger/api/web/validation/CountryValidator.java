package org.reserveledger.api.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.reserveledger.domain.shared.CountryCode;

public class CountryValidator implements ConstraintValidator<Country, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || CountryCode.isValid(value)
                || ConstraintMessages.refuse(context, "must be an ISO 3166-1 alpha-2 country code, such as CL");
    }
}
