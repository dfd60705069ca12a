package org.workrelief.attendance;

/** How a sign-in was recorded: roll call by a team leader, a terminal, an imported file, or a correction. */
public enum PunchSource {
    ROLL_CALL, DEVICE, IMPORT, CORRECTION
}
