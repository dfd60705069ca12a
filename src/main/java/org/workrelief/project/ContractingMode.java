package org.workrelief.project;

/** 直接发包 (after a villagers' council resolution and town approval) or 招投标. */
public enum ContractingMode {
    DIRECT, TENDER
}
