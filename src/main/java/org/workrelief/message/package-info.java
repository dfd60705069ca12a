/**
 * 短信通知: the outbox of messages to workers' phones (a payout notice starting, wage sent to the bank,
 * wage paid or failed, complaint status, the daily attendance summary), sent through one SMS provider
 * ({@link org.workrelief.message.SmsGateway}) with back-off, at most once per event, or by hand by a
 * clerk when no provider is configured. The payout module does not know this one: it publishes
 * {@link org.workrelief.payout.PayoutEvents}, heard here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "complaint", "payout", "account", "common" })
package org.workrelief.message;
