package org.workrelief.worker;

public enum Sex {
    MALE, FEMALE
}
