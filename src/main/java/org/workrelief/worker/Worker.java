package org.workrelief.worker;

import java.time.LocalDate;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.workrelief.common.BaseEntity;
import org.workrelief.common.crypto.ProtectedNumber;

/**
 * 务工群众: one real person, registered once (one ID number, one worker), by the town that
 * registered them. ID and bank card numbers are held only encrypted, hashed and masked.
 */
@Entity
@Table(name = "worker")
public class Worker extends BaseEntity {

    private String workerCode;
    private Long townId;
    private String name;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "cipher", column = @Column(name = "id_number_cipher")),
            @AttributeOverride(name = "hash", column = @Column(name = "id_number_hash")),
            @AttributeOverride(name = "masked", column = @Column(name = "id_number_masked")) })
    private ProtectedNumber idNumber;

    private LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    private Sex sex;
    private String phone;
    private String village;
    private String villageGroup;
    private String householdNo;
    @Enumerated(EnumType.STRING)
    private HouseholdStatus householdStatus;
    private String skills;
    private String bankName;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "cipher", column = @Column(name = "bank_card_cipher")),
            @AttributeOverride(name = "hash", column = @Column(name = "bank_card_hash")),
            @AttributeOverride(name = "masked", column = @Column(name = "bank_card_masked")) })
    private ProtectedNumber bankCard;

    @Enumerated(EnumType.STRING)
    private AccountKind accountKind = AccountKind.BANK_CARD;

    /** 重点群体: the codes of the groups the worker belongs to (see {@link WorkerGroups}). */
    @ElementCollection
    @org.hibernate.annotations.BatchSize(size = 500)
    @CollectionTable(name = "worker_group_member", joinColumns = @JoinColumn(name = "worker_id"))
    @Column(name = "group_code")
    private java.util.Set<String> groups = new java.util.TreeSet<>();

    protected Worker() {
    }

    Worker(String workerCode, Long townId, ResidentIdNumber id, ProtectedNumber protectedId, WorkerDetails details,
            ProtectedNumber protectedCard) {
        this.workerCode = workerCode;
        this.townId = townId;
        changeIdNumber(id, protectedId);
        change(details, protectedCard);
    }

    void changeIdNumber(ResidentIdNumber id, ProtectedNumber protectedId) {
        this.idNumber = protectedId;
        this.birthDate = id.birthDate();
        this.sex = id.sex();
    }

    /** The editable details; a null card keeps the current one. */
    void change(WorkerDetails details, ProtectedNumber protectedCard) {
        this.name = details.name();
        this.phone = details.phone();
        this.village = details.village();
        this.villageGroup = details.villageGroup();
        this.householdNo = details.householdNo();
        this.householdStatus = details.householdStatus();
        this.skills = details.skills();
        this.bankName = details.bankName();
        this.accountKind = details.accountKind() == null ? AccountKind.BANK_CARD : details.accountKind();
        if (protectedCard != null) {
            this.bankCard = protectedCard;
        }
    }

    /** Replaces the worker's groups (checked codes). */
    void changeGroups(java.util.Collection<String> codes) {
        groups.retainAll(codes);
        groups.addAll(codes);
    }

    public int ageOn(LocalDate day) {
        return java.time.Period.between(birthDate, day).getYears();
    }

    public String getWorkerCode() { return workerCode; }
    public Long getTownId() { return townId; }
    public String getName() { return name; }
    public String getIdNumberMasked() { return idNumber.masked(); }
    ProtectedNumber getIdNumber() { return idNumber; }
    public LocalDate getBirthDate() { return birthDate; }
    public Sex getSex() { return sex; }
    public String getPhone() { return phone; }
    public String getVillage() { return village; }
    public String getVillageGroup() { return villageGroup; }
    public String getHouseholdNo() { return householdNo; }
    public HouseholdStatus getHouseholdStatus() { return householdStatus; }
    public String getSkills() { return skills; }
    public String getBankName() { return bankName; }
    public String getBankCardMasked() { return bankCard == null ? null : bankCard.masked(); }
    ProtectedNumber getBankCard() { return bankCard; }
    public AccountKind getAccountKind() { return accountKind; }
    public java.util.Set<String> getGroups() { return java.util.Collections.unmodifiableSet(groups); }
    /** The collection itself, for initializing it while a transaction is open. */
    java.util.Set<String> getGroupCodes() { return groups; }
}
