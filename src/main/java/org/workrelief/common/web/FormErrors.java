package org.workrelief.common.web;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.workrelief.common.BusinessRuleException;

/**
 * Puts a refused business rule on the form, in the user's language, above the fields. Every form
 * that is shown again on a refusal goes through {@link #attempt} or {@link #result}: the controller
 * then shows the form when they answer false / empty.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult binding, BusinessRuleException refused) {
        binding.reject(refused.getMessageKey(), refused.getArgs(), refused.getMessageKey());
    }

    /** Runs the form's step: whether it went through; a refused rule is put on the form. */
    public static boolean attempt(BindingResult binding, Runnable step) {
        return result(binding, done(step)).isPresent();
    }

    /** As {@link #attempt} for a step that answers something (the new record): it, or empty when refused. */
    public static <T> Optional<T> result(BindingResult binding, Supplier<T> step) {
        return result(binding, step, FormErrors::reject);
    }

    /** As above, the refusal put on the form by {@code reject} (e.g. beside the field it is about). */
    public static <T> Optional<T> result(BindingResult binding, Supplier<T> step,
            BiConsumer<BindingResult, BusinessRuleException> reject) {
        return run(step, refused -> reject.accept(binding, refused));
    }

    /** As {@link #result(Model, Supplier)} for a step that answers nothing: whether it went through. */
    public static boolean attempt(Model page, Runnable step) {
        return result(page, done(step)).isPresent();
    }

    /**
     * For a page that takes no bound form (a PIN, a sign-in code: nothing typed is sent back): the step's
     * value, or empty when refused, the refusal then on the page as {@code refusal} and {@code refusalArgs}.
     */
    public static <T> Optional<T> result(Model page, Supplier<T> step) {
        return run(step, refused -> {
            page.addAttribute("refusal", refused.getMessageKey());
            page.addAttribute("refusalArgs", refused.getArgs());
        });
    }

    private static Supplier<Boolean> done(Runnable step) {
        return () -> {
            step.run();
            return Boolean.TRUE;
        };
    }

    private static <T> Optional<T> run(Supplier<T> step, Consumer<BusinessRuleException> onRefusal) {
        try {
            return Optional.of(step.get());
        }
        catch (BusinessRuleException refused) {
            onRefusal.accept(refused);
            return Optional.empty();
        }
    }
}
