package org.reserveledger.api.web.validation;

import jakarta.validation.ConstraintValidatorContext;

final class ConstraintMessages {

    private ConstraintMessages() {
    }

    static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }
}
