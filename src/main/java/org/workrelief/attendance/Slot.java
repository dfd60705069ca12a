package org.workrelief.attendance;

/** 上午 / 下午: the two sign-ins of a working day. */
public enum Slot {
    AM, PM
}
