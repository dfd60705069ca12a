package org.workrelief.account;

/** What a user does in a project; screens show {@code role.<NAME>} (镇级管理员, 项目实施人员, ...). */
public enum Role {
    /** 镇级管理员: town official who creates and steers projects and manages users. */
    ADMIN,
    /** 项目实施人员: project staff and team leaders who keep rosters and attendance. */
    STAFF,
    /** 监督委员会成员: member of the village supervision committee. */
    SUPERVISOR,
    /** 财务人员: finance staff who release payouts and download bank files. */
    FINANCE;

    /** The key naming a role on screen: an administrator of no town is the county's (县级管理员, role.ADMIN.county). */
    public static String labelKey(Role role, boolean countyLevel) {
        return role == ADMIN && countyLevel ? "role.ADMIN.county" : "role." + role.name();
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
