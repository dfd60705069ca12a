package org.workrelief.asset;

/** 按户均分 or 按权重分配. */
public enum SplitRule {
    EQUAL, WEIGHTED
}
