package org.workrelief.worker;

/** 户类型: 脱贫户, 监测对象, 低保户, 一般农户. */
public enum HouseholdStatus {
    LIFTED_OUT_OF_POVERTY, MONITORED, SUBSISTENCE_ALLOWANCE, ORDINARY
}
