package org.workrelief.message;

/**
 * One SMS provider's HTTP API, the only thing the outbox needs of it. The implementation in use is
 * {@link AliyunSmsGateway} (Alibaba Cloud SMS, dysmsapi SendSms), off until configured.
 */
public interface SmsGateway {

    /** Whether a provider is configured; when not, messages stay in the outbox for a clerk to send by hand. */
    boolean configured();

    /**
     * Sends one text to one phone. Never throws for what the provider or the network answers: every
     * outcome is a {@link Result}, recorded as the attempt.
     *
     * @param outId the outbox's own reference, passed to the provider to find the message in its records
     */
    Result send(String phone, String text, String outId);

    /**
     * What the provider said: accepted, or refused; {@code permanent} when trying again cannot help (an
     * invalid number); {@code answer} is the provider's answer as received (code, message, request id),
     * kept with the attempt.
     */
    record Result(boolean accepted, boolean permanent, String answer) {

        static Result accepted(String answer) {
            return new Result(true, false, answer);
        }

        static Result failed(String answer) {
            return new Result(false, false, answer);
        }

        static Result refusedForGood(String answer) {
            return new Result(false, true, answer);
        }
    }
}
