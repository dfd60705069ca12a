package org.workrelief.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;

@IntegrationTest
class AccountServiceIntegrationTests {

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Autowired
    AuditLog auditLog;

    @Autowired
    PasswordEncoder passwordEncoder;

    Fixtures fixtures;
    Town jiangshan;
    Town yuanshang;
    SignedInUser countyAdmin;
    SignedInUser jiangshanAdmin;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(accounts);
        jiangshan = fixtures.town();
        yuanshang = fixtures.town();
        countyAdmin = Principals.of(fixtures.user(Role.ADMIN, null));
        jiangshanAdmin = Principals.of(fixtures.user(Role.ADMIN, jiangshan));
    }

    @Test
    void anAdministratorCreatesAUserWithAHashedPasswordAndTheCreationIsAudited() {
        String name = Fixtures.unique("wang");
        UserAccount created = accounts.createUser(jiangshanAdmin,
                new NewUser(name, "王五", Role.STAFF, jiangshan.getId(), "a-good-password"));

        UserAccount stored = users.findById(created.getId()).orElseThrow();
        assertThat(stored.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("a-good-password");
        assertThat(passwordEncoder.matches("a-good-password", stored.getPasswordHash())).isTrue();
        assertThat(auditLog.historyOf("User", created.getId())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("USER_CREATED");
            assertThat(entry.actor()).isEqualTo(jiangshanAdmin.getUsername());
            assertThat(entry.after()).contains(name).doesNotContain("bcrypt");
        });
    }

    @Test
    void aUserNameIsTakenWhateverItsCase() {
        String name = Fixtures.unique("zhao");
        accounts.createUser(countyAdmin, new NewUser(name, "赵六", Role.STAFF, jiangshan.getId(), "a-good-password"));
        assertThatThrownBy(() -> accounts.createUser(countyAdmin,
                new NewUser(name.toUpperCase(), "赵六", Role.STAFF, jiangshan.getId(), "a-good-password")))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo("user.username.taken"));
    }

    @Test
    void aWeakInitialPasswordIsRefusedAndNothingIsSaved() {
        String name = Fixtures.unique("qian");
        assertThatThrownBy(() -> accounts.createUser(countyAdmin,
                new NewUser(name, "钱七", Role.STAFF, jiangshan.getId(), "short")))
                .isInstanceOf(BusinessRuleException.class);
        assertThat(users.findByUsername(name)).isEmpty();
    }

    @Test
    void aTownAdministratorNeverSeesAnotherTownsUsers() {
        UserAccount other = fixtures.user(Role.STAFF, yuanshang);
        UserAccount own = fixtures.user(Role.STAFF, jiangshan);

        assertThatThrownBy(() -> accounts.getUser(jiangshanAdmin, other.getId())).isInstanceOf(NotFoundException.class);
        assertThat(accounts.getUser(jiangshanAdmin, own.getId()).getUsername()).isEqualTo(own.getUsername());
        assertThat(accounts.findUsers(jiangshanAdmin, "", PageRequest.of(0, 100)).getContent())
                .extracting(UserAccount::getTownId).containsOnly(jiangshan.getId());
        assertThat(accounts.findUsers(countyAdmin, other.getUsername(), PageRequest.of(0, 10)).getContent())
                .extracting(UserAccount::getUsername).containsExactly(other.getUsername());
    }

    @Test
    void aTownAdministratorCannotPlaceAUserInAnotherTownOrAtCountyLevel() {
        assertThatThrownBy(() -> accounts.createUser(jiangshanAdmin,
                new NewUser(Fixtures.unique("sun"), "孙八", Role.STAFF, yuanshang.getId(), "a-good-password")))
                .hasMessageContaining("user.town.notYours");
        assertThatThrownBy(() -> accounts.createUser(jiangshanAdmin,
                new NewUser(Fixtures.unique("sun"), "孙八", Role.ADMIN, null, "a-good-password")))
                .hasMessageContaining("user.town.required");
    }

    @Test
    void onlyAdministratorsManageUsers() {
        SignedInUser staff = Principals.of(fixtures.user(Role.STAFF, jiangshan));
        assertThatThrownBy(() -> accounts.findUsers(staff, "", PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyACountyAdministratorCreatesTowns() {
        assertThatThrownBy(() -> accounts.createTown(jiangshanAdmin, new NewTown(Fixtures.unique("X"), "新镇")))
                .isInstanceOf(AccessDeniedException.class);
        String code = Fixtures.unique("NT");
        Town town = accounts.createTown(countyAdmin, new NewTown(code, "新镇" + code));
        assertThat(auditLog.historyOf("Town", town.getId())).extracting(e -> e.action()).containsExactly("TOWN_CREATED");
        assertThatThrownBy(() -> accounts.createTown(countyAdmin, new NewTown(code.toLowerCase(), "另一个镇" + code)))
                .hasMessageContaining("town.code.taken");
    }

    @Test
    void disablingAUserIsAuditedWithBeforeAndAfter() {
        UserAccount staff = fixtures.user(Role.STAFF, jiangshan);
        accounts.updateUser(jiangshanAdmin, staff.getId(),
                new UserChanges(staff.getDisplayName(), Role.STAFF, jiangshan.getId(), false, staff.getVersion()));

        assertThat(users.findById(staff.getId()).orElseThrow().isEnabled()).isFalse();
        assertThat(auditLog.historyOf("User", staff.getId())).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("USER_DISABLED");
            assertThat(entry.before()).contains("\"enabled\": true");
            assertThat(entry.after()).contains("\"enabled\": false");
        });
    }

    @Test
    void anEditBasedOnAnOldVersionIsRefused() {
        UserAccount staff = fixtures.user(Role.STAFF, jiangshan);
        long oldVersion = staff.getVersion();
        accounts.updateUser(jiangshanAdmin, staff.getId(),
                new UserChanges("新名字", Role.STAFF, jiangshan.getId(), true, oldVersion));
        assertThatThrownBy(() -> accounts.updateUser(jiangshanAdmin, staff.getId(),
                new UserChanges("另一个名字", Role.FINANCE, jiangshan.getId(), true, oldVersion)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(users.findById(staff.getId()).orElseThrow().getDisplayName()).isEqualTo("新名字");
    }

    @Test
    void anAdministratorCannotDisableThemself() {
        UserAccount me = users.findById(jiangshanAdmin.id()).orElseThrow();
        assertThatThrownBy(() -> accounts.updateUser(jiangshanAdmin, me.getId(),
                new UserChanges(me.getDisplayName(), Role.ADMIN, jiangshan.getId(), false, me.getVersion())))
                .hasMessageContaining("user.cannotDemoteSelf");
    }

    @Test
    void aPasswordResetGivesAWorkingTemporaryPasswordAndIsAudited() {
        UserAccount staff = fixtures.user(Role.STAFF, jiangshan);
        String temporary = accounts.resetPassword(jiangshanAdmin, staff.getId());
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(10);
        assertThat(passwordEncoder.matches(temporary, users.findById(staff.getId()).orElseThrow().getPasswordHash()))
                .isTrue();
        assertThat(auditLog.historyOf("User", staff.getId())).extracting(e -> e.action()).contains("USER_PASSWORD_RESET");
    }

    @Test
    void aUserChangesTheirOwnPasswordOnlyWithTheCurrentOneAndWithinThePolicy() {
        UserAccount staff = fixtures.user(Role.STAFF, jiangshan);
        SignedInUser me = Principals.of(staff);

        assertThatThrownBy(() -> accounts.changeOwnPassword(me,
                new PasswordChange("wrong-password", "another-good-one", "another-good-one")))
                .hasMessageContaining("password.currentWrong");
        assertThatThrownBy(() -> accounts.changeOwnPassword(me,
                new PasswordChange(Fixtures.PASSWORD, "another-good-one", "another-good-two")))
                .hasMessageContaining("password.mismatch");
        assertThatThrownBy(() -> accounts.changeOwnPassword(me,
                new PasswordChange(Fixtures.PASSWORD, staff.getUsername(), staff.getUsername())))
                .hasMessageContaining("password.equalsUsername");

        accounts.changeOwnPassword(me, new PasswordChange(Fixtures.PASSWORD, "another-good-one", "another-good-one"));
        assertThat(passwordEncoder.matches("another-good-one",
                users.findById(staff.getId()).orElseThrow().getPasswordHash())).isTrue();
    }
}
