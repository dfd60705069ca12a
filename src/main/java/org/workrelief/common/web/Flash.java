package org.workrelief.common.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workrelief.common.BusinessRuleException;

/** Messages carried across a redirect to the next page's banner (layout: success / failure). */
public final class Flash {

    private Flash() {
    }

    public static void success(RedirectAttributes redirect, String key) {
        redirect.addFlashAttribute("success", key);
    }

    /**
     * Runs one step of a form: success puts {@code successKey} (if any) on the next page's banner, a
     * refused rule its message. Answers whether the step went through, for controllers that redirect
     * differently.
     */
    public static boolean attempt(RedirectAttributes redirect, String successKey, Runnable step) {
        try {
            step.run();
            if (successKey != null) {
                success(redirect, successKey);
            }
            return true;
        }
        catch (BusinessRuleException refused) {
            refused(redirect, refused);
            return false;
        }
    }

    /** A refused rule, said in the user's language with its arguments; nothing was saved. */
    public static void refused(RedirectAttributes redirect, BusinessRuleException refused) {
        redirect.addFlashAttribute("failure", refused.getMessageKey());
        redirect.addFlashAttribute("failureArgs", refused.getArgs());
    }
}
