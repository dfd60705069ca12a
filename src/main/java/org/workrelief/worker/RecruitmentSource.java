package org.workrelief.worker;

/** 招募来源: 前期摸排有意愿, 开工前再次确认, 新吸纳 (volunteers not on the survey list). */
public enum RecruitmentSource {
    SURVEYED, RECONFIRMED, ADDED
}
