package org.workrelief.payout;

/** A line before the bank answers (PENDING), paid, failed, or failed and re-paid in a follow-up batch. */
public enum LineStatus {
    PENDING, PAID, FAILED, REISSUED
}
