package org.workrelief.publicsite;

/** 用工信息 or 政策宣传. */
public enum PostKind {
    JOB, POLICY
}
