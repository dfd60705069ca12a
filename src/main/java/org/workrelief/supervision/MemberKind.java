package org.workrelief.supervision;

/** Who a committee member is in the village: 村干部, 老党员, 村民代表. The duty roster mixes them. */
public enum MemberKind {
    CADRE, PARTY_MEMBER, VILLAGER_REP
}
