package org.workrelief.common.web;

import java.util.Optional;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.common.BusinessRuleException;

/**
 * Messages carried across a redirect to the next page's banner (layout: success / failure). Every
 * controller step that answers with a redirect says a refused rule through here:
 * {@link #attempt(RedirectAttributes, String, Step)} for a step, {@link #result} for a step that
 * answers something (the new record, a count) the redirect or the banner needs.
 */
public final class Flash {

    private Flash() {
    }

    /** One step of a page; it may read an upload ({@code X}: an I/O failure is no refused rule). */
    @FunctionalInterface
    public interface Step<X extends Exception> {
        void run() throws X;
    }

    /** A step that answers a value (never null). */
    @FunctionalInterface
    public interface Making<T, X extends Exception> {
        T make() throws X;
    }

    public static void success(RedirectAttributes redirect, String key) {
        redirect.addFlashAttribute("success", key);
    }

    /** Success with the message's arguments (a name, a count). */
    public static void success(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("success", key);
        redirect.addFlashAttribute("successArgs", args);
    }

    /**
     * Runs one step of a form: success puts {@code successKey} (if any) on the next page's banner, a
     * refused rule its message. Answers whether the step went through, for controllers that redirect
     * differently.
     */
    public static <X extends Exception> boolean attempt(RedirectAttributes redirect, String successKey, Step<X> step)
            throws X {
        return result(redirect, successKey, () -> {
            step.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /**
     * As {@link #attempt(RedirectAttributes, String, Step)} for a step that answers something: its value,
     * or empty when a rule refused it (its message then on the next page's banner). A success message
     * that needs the value is said by the caller ({@code successKey} null).
     */
    public static <T, X extends Exception> Optional<T> result(RedirectAttributes redirect, String successKey,
            Making<T, X> step) throws X {
        T made;
        try {
            made = step.make();
        }
        catch (BusinessRuleException refused) {
            refused(redirect, refused);
            return Optional.empty();
        }
        if (successKey != null) {
            success(redirect, successKey);
        }
        return Optional.of(made);
    }

    /** A refused rule, said in the user's language with its arguments; nothing was saved. */
    public static void refused(RedirectAttributes redirect, BusinessRuleException refused) {
        failure(redirect, refused.getMessageKey());
        redirect.addFlashAttribute("failureArgs", refused.getArgs());
    }

    /** Something went wrong that is no refused rule (a check that found a fault). */
    public static void failure(RedirectAttributes redirect, String key) {
        redirect.addFlashAttribute("failure", key);
    }
}
