package org.workrelief.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.workrelief.account.SignedInUser;
import org.workrelief.worker.BankCardNumber;
import org.workrelief.worker.ResidentIdNumber;
import org.workrelief.worker.RosterImportService;

/**
 * The villagers of the Jiangshan demo: generated names, ID numbers of region 370285 (Laixi) and
 * bank cards with valid check characters, from a fixed seed so every demo has the same people.
 * Rosters go in through the real roster import, as a town clerk's spreadsheet would.
 */
final class DemoVillagers {

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华玉兰桂珍凤霞平刚建国志红春梅海燕金荣德福永生文立新宝山林";
    private static final String[] VILLAGES = { "前埠村", "后埠村", "姜山村" };

    /** One person as the roster spreadsheet lists them. */
    record Villager(String name, String idNumber, String phone, String village, String group, String household,
            String householdStatus, String bankCard) {
    }

    /** What the spreadsheet says of one person's enrollment in a project. */
    record Enrollment(Villager villager, String team, String source, LocalDate insuranceTo) {
    }

    private final Random random = new Random(20250601L);

    /** {@code count} people, numbered from {@code first}; some couples share a household. */
    List<Villager> generate(int first, int count) {
        List<Villager> people = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String status = i % 5 == 0 ? "脱贫户" : i % 11 == 0 ? "监测对象" : i % 13 == 0 ? "低保户" : "一般农户";
            String phone = "13" + String.format("%09d", 500000000L + i * 7919L);
            if (i % 7 == 3 && !people.isEmpty()) { // a couple on the site together: one household, one village
                Villager spouse = people.get(people.size() - 1);
                people.add(new Villager(name(), idNumber(i), phone, spouse.village(), spouse.group(), spouse.household(),
                        spouse.householdStatus(), bankCard(i)));
                continue;
            }
            people.add(new Villager(name(), idNumber(i), phone, VILLAGES[i % VILLAGES.length], (1 + i % 6) + "组",
                    "QB" + String.format("%04d", 100 + i), status, bankCard(i)));
        }
        return people;
    }

    /**
     * Imports the roster (all rows or none): registered on {@code registered}, contracts from
     * {@code start} to {@code contractTo}, insurance from {@code start}.
     */
    static void importRoster(RosterImportService roster, SignedInUser actor, long projectId, List<Enrollment> rows,
            LocalDate registered, LocalDate start, LocalDate contractTo) {
        StringBuilder csv = new StringBuilder("姓名,身份证号,手机号,村,组,户号,户类型,技能,开户银行,银行卡号,班组,招募来源,登记日期,"
                + "合同签订日期,合同开始日期,合同结束日期,保险公司,保单号,保险起期,保险止期,重点群体\n");
        int n = 0;
        for (Enrollment row : rows) {
            Villager v = row.villager();
            csv.append(String.join(",", v.name(), v.idNumber(), v.phone(), v.village(), v.group(), v.household(),
                    v.householdStatus(), "", "莱西农商银行", v.bankCard(), row.team(), row.source(), registered.toString(),
                    registered.toString(), start.toString(), contractTo.toString(), "中国人寿",
                    "LX-ACC-" + start.getYear() + "-" + projectId + "-" + String.format("%04d", ++n), start.toString(),
                    row.insuranceTo().toString(), DemoGroups.of(v))).append('\n');
        }
        try {
            var result = roster.importRoster(actor, projectId, "demo.csv",
                    new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
            if (!result.succeeded()) {
                throw new IllegalStateException("demo roster refused: " + result.errors());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String name() {
        String given = String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length())));
        if (random.nextBoolean()) {
            given += GIVEN.charAt(random.nextInt(GIVEN.length()));
        }
        return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given;
    }

    /** Region 370285 (Laixi), born 1962-2001, a valid check character. */
    private String idNumber(int i) {
        LocalDate birth = LocalDate.of(1962 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String first17 = "370285" + birth.toString().replace("-", "") + String.format("%03d", (i * 37) % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A 19-digit card passing Luhn. */
    private static String bankCard(int i) {
        String first18 = "623059" + String.format("%012d", 100000000L + i * 104729L);
        return first18 + BankCardNumber.checkDigit(first18);
    }
}
