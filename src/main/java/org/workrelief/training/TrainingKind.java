package org.workrelief.training;

/** 技能 / 安全 / 政策 training. */
public enum TrainingKind {
    SKILLS, SAFETY, POLICY
}
