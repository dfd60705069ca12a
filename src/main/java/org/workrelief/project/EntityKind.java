package org.workrelief.project;

/** The kind of implementing entity: a village-collective-owned company (强村共富公司) or another. */
public enum EntityKind {
    VILLAGE_COLLECTIVE_COMPANY, OTHER
}
