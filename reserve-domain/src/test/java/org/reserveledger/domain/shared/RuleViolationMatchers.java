package org.reserveledger.domain.shared;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Hamcrest matchers for Axon's test fixtures: a {@link DomainRuleViolation} naming a given rule.
 */
public final class RuleViolationMatchers {

    private RuleViolationMatchers() {
    }

    /** A {@link DomainRuleViolation} whose {@link DomainRuleViolation#code()} is {@code code}. */
    public static Matcher<Throwable> violationOf(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof DomainRuleViolation violation && code.equals(violation.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainRuleViolation with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description description) {
                if (item instanceof DomainRuleViolation violation) {
                    description.appendText("code was ").appendValue(violation.code());
                } else {
                    description.appendText("was ").appendValue(item);
                }
            }
        };
    }
}
