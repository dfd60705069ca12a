package org.workrelief.worker;

/** The checked, trimmed details of a worker besides the protected numbers. */
record WorkerDetails(String name, String phone, String village, String villageGroup, String householdNo,
        HouseholdStatus householdStatus, String skills, String bankName,
        AccountKind accountKind) {
}
