package org.workrelief.asset;

import static org.workrelief.support.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.workrelief.account.AccountService;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.worker.Worker;

@IntegrationTest
class AssetIntegrationTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 3);

    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired RegistryFixtures registry;
    @Autowired AssetService assets;
    @Autowired MutableClock clock;

    ActiveProject site;
    long projectId;

    @BeforeEach
    void setUp() {
        clock.reset();
        site = ActiveProject.create(accounts, projects, registry, TODAY);
        projectId = site.project().getId();
    }

    @Test
    void aYearBelowTheGuaranteedDividendIsFlagged() {
        transfer();
        assets.recordDividend(site.admin(), projectId, 2023, new BigDecimal("200000.00"), LocalDate.of(2024, 1, 10));
        assets.recordDividend(site.admin(), projectId, 2024, new BigDecimal("150000.00"), LocalDate.of(2025, 1, 12));
        assertThat(assets.dividends(site.staff(), projectId)).extracting(Dividend::year, Dividend::belowGuarantee)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2023, false), org.assertj.core.groups.Tuple.tuple(2024, true));
        assertRefused(() -> assets.recordDividend(site.admin(), projectId, 2024, BigDecimal.ONE, LocalDate.of(2025, 2, 1)),
                "asset.dividend.duplicate");
    }

    @Test
    void aDividendIsSplitAmongHouseholdsToTheFenAndASecondSplitReplacesTheFirst() {
        transfer();
        Dividend dividend = assets.recordDividend(site.admin(), projectId, 2024, new BigDecimal("200000.00"),
                LocalDate.of(2025, 1, 12));
        assets.split(site.admin(), dividend.id(), SplitRule.EQUAL, "王家\n李家\n张家");
        assertThat(assets.shares(site.staff(), dividend.id())).hasSize(3);
        assets.split(site.admin(), dividend.id(), SplitRule.WEIGHTED, "王家,1.5\n李家,1\n张家,2\n赵家,0.5");
        List<DividendSplit.Share> shares = assets.shares(site.staff(), dividend.id());
        assertThat(shares).hasSize(4);
        assertThat(shares.stream().map(DividendSplit.Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("200000.00");
        assertRefused(() -> assets.split(site.admin(), dividend.id(), SplitRule.WEIGHTED, "王家,abc"), "asset.split.weight");
        assertRefused(() -> assets.split(site.admin(), dividend.id(), SplitRule.EQUAL, "王家\n王家"), "asset.split.household");
        assertThat(assets.shares(site.staff(), dividend.id())).as("a refused split keeps the last one").hasSize(4);
    }

    @Test
    void theTransferComesFirstAndIsKeptByAdministrators() {
        assertRefused(() -> assets.recordDividend(site.admin(), projectId, 2024, BigDecimal.TEN, TODAY),
                "asset.transfer.first");
        assertThatThrownBy(() -> assets.saveTransfer(site.staff(), projectId, form(0))).isInstanceOf(AccessDeniedException.class);
        AssetTransfer saved = transfer();
        assertRefused(() -> assets.saveTransfer(site.admin(), projectId, form(saved.version() + 1)), "asset.stale");
        assets.addAsset(site.admin(), projectId, "养殖大棚 12 座", new BigDecimal("3200000.00"));
        assertThat(assets.assets(site.staff(), projectId)).extracting(AssetService.Asset::value)
                .containsExactly(new BigDecimal("3200000.00"));
    }

    @Test
    void jobsAreCountedPerYearAndPersonForWorkersOfTheProject() {
        Worker other = site.addWorker(registry, TODAY.minusDays(10), TODAY.plusDays(30));
        assets.addJob(site.staff(), projectId, 2025, JobKind.LONG_TERM, "养殖管理员", site.worker().getWorkerCode());
        assets.addJob(site.staff(), projectId, 2025, JobKind.SEASONAL, "捕捞工", other.getWorkerCode());
        assets.addJob(site.staff(), projectId, 2025, JobKind.SEASONAL, "分拣工", site.worker().getWorkerCode());
        assertRefused(() -> assets.addJob(site.staff(), projectId, 2025, JobKind.SEASONAL, "分拣工",
                site.worker().getWorkerCode()), "job.duplicate");
        Worker stranger = registry.worker(site.staff(), site.town());
        assertRefused(() -> assets.addJob(site.staff(), projectId, 2025, JobKind.SEASONAL, "分拣工",
                stranger.getWorkerCode()), "job.worker.notOfProject");
        assertThat(assets.jobsPerYear(site.staff(), projectId)).containsExactly(new AssetService.JobYear(2025, 1, 2));
    }

    private AssetTransfer transfer() {
        return assets.saveTransfer(site.admin(), projectId, form(0));
    }

    private static AssetService.AssetForm form(long version) {
        return new AssetService.AssetForm("前埠村股份经济合作社", LocalDate.of(2025, 5, 20), "姜山资〔2025〕8号",
                "莱西市共富水产养殖有限公司", new BigDecimal("100.00"), new BigDecimal("5300000.00"), new BigDecimal("200000.00"),
                version);
    }
}
