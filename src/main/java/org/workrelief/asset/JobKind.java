package org.workrelief.asset;

/** 长期岗位 or 季节性岗位 in the operation phase. */
public enum JobKind {
    LONG_TERM, SEASONAL
}
