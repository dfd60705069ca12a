package org.workrelief.common.web;

import org.springframework.validation.BindingResult;
import org.workrelief.common.BusinessRuleException;

/** Puts a refused business rule on the form, in the user's language, above the fields. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult binding, BusinessRuleException refused) {
        binding.reject(refused.getMessageKey(), refused.getArgs(), refused.getMessageKey());
    }
}
