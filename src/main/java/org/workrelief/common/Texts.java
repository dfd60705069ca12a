package org.workrelief.common;

/** Free text typed into a form: trimmed, present and within its column's length, or refused with a message. */
public final class Texts {

    private Texts() {
    }

    /** The trimmed text; refused with {@code key} (its argument: the maximum length) when blank or too long. */
    public static String required(String value, int max, String key) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty() || text.length() > max) {
            throw new BusinessRuleException(key, max);
        }
        return text;
    }
}
