package org.workrelief.team;

/** The usual teams, offered with one click: 开挖组, 运输组, 筑坝组, 护坡砌筑组, 棚体搭建组. */
public enum TeamPreset {
    EXCAVATION("开挖组", SkillType.EXCAVATION),
    TRANSPORT("运输组", SkillType.TRANSPORT),
    DAM_BUILDING("筑坝组", SkillType.DAM_BUILDING),
    SLOPE_MASONRY("护坡砌筑组", SkillType.SLOPE_MASONRY),
    SHED_BUILDING("棚体搭建组", SkillType.SHED_BUILDING);

    private final String teamName;
    private final SkillType skillType;

    TeamPreset(String teamName, SkillType skillType) {
        this.teamName = teamName;
        this.skillType = skillType;
    }

    public String teamName() {
        return teamName;
    }

    public SkillType skillType() {
        return skillType;
    }
}
