package org.workrelief.team;

/** The kind of work a team does; labour-heavy, machine-light work is what work relief chooses. */
public enum SkillType {
    EXCAVATION, TRANSPORT, DAM_BUILDING, SLOPE_MASONRY, SHED_BUILDING, OTHER
}
