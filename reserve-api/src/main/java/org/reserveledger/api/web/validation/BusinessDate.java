package org.reserveledger.api.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date or instant within the span the books mean, {@link org.reserveledger.domain.shared.DateBounds}
 * (1900-01-01 to 2200-12-31, UTC). Null values are left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = {BusinessDateValidator.OfDate.class, BusinessDateValidator.OfInstant.class})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface BusinessDate {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
