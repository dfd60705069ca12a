package org.workrelief.common;

import java.util.Arrays;

/**
 * A rule of the domain was violated. Carries a message key (and its arguments) rather than text,
 * so the screen can say it in the user's language; nothing has been saved when it is thrown.
 */
public class BusinessRuleException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public BusinessRuleException(String messageKey, Object... args) {
        super(messageKey + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArgs() {
        return args.clone();
    }
}
