package org.workrelief.worker;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The form for registering or editing a worker. On an edit, an empty ID or card number keeps the
 * stored one (the screen never shows it in full, so it cannot be sent back).
 */
public record WorkerForm(
        @NotNull(message = "{worker.town.required}") Long townId,
        @NotBlank(message = "{worker.name.required}") String name,
        String idNumber,
        @Pattern(regexp = "^$|^1[3-9]\\d{9}$", message = "{worker.phone.format}") String phone,
        @NotBlank(message = "{worker.village.required}") @Size(max = 64, message = "{field.tooLong}") String village,
        @Size(max = 64, message = "{field.tooLong}") String villageGroup,
        @Size(max = 32, message = "{field.tooLong}") String householdNo,
        @NotNull(message = "{worker.householdStatus.required}") HouseholdStatus householdStatus,
        @Size(max = 200, message = "{field.tooLong}") String skills,
        @Size(max = 64, message = "{field.tooLong}") String bankName,
        String bankCard,
        AccountKind accountKind,
        long version,
        java.util.List<String> groups) {

    public WorkerForm {
        groups = groups == null ? java.util.List.of() : java.util.List.copyOf(groups);
    }

    /** The form without groups (none chosen). */
    public WorkerForm(Long townId, String name, String idNumber, String phone, String village, String villageGroup,
            String householdNo, HouseholdStatus householdStatus, String skills, String bankName, String bankCard,
            AccountKind accountKind, long version) {
        this(townId, name, idNumber, phone, village, villageGroup, householdNo, householdStatus, skills, bankName,
                bankCard, accountKind, version, java.util.List.of());
    }

    /** The form with the groups chosen and the default account, a bank card. */
    public WorkerForm(Long townId, String name, String idNumber, String phone, String village, String villageGroup,
            String householdNo, HouseholdStatus householdStatus, String skills, String bankName, String bankCard,
            long version, java.util.List<String> groups) {
        this(townId, name, idNumber, phone, village, villageGroup, householdNo, householdStatus, skills, bankName,
                bankCard, AccountKind.BANK_CARD, version, groups);
    }

    /** The form without groups, paid to a bank card. */
    public WorkerForm(Long townId, String name, String idNumber, String phone, String village, String villageGroup,
            String householdNo, HouseholdStatus householdStatus, String skills, String bankName, String bankCard,
            long version) {
        this(townId, name, idNumber, phone, village, villageGroup, householdNo, householdStatus, skills, bankName, bankCard,
                AccountKind.BANK_CARD, version);
    }

    public static WorkerForm blank(Long townId) {
        return blank(townId, "");
    }

    /** A new registration that starts from the ID number typed in a search that found no one. */
    public static WorkerForm blank(Long townId, String idNumber) {
        return new WorkerForm(townId, "", idNumber == null ? "" : idNumber, "", "", "", "", HouseholdStatus.ORDINARY, "",
                "", "", 0);
    }
}
