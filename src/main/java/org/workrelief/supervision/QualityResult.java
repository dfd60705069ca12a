package org.workrelief.supervision;

/** The quality check of the day's work: 合格 or 发现问题. */
public enum QualityResult {
    PASS, ISSUES
}
