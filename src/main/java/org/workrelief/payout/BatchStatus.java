package org.workrelief.payout;

/** 草稿 → 公示中 → 已审批 → 已发放 → 已结清; a batch only moves forward. */
public enum BatchStatus {
    DRAFT, PUBLICIZED, APPROVED, RELEASED, SETTLED
}
