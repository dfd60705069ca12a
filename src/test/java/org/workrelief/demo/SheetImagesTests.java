package org.workrelief.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures of signed 互证签字表 the demo uploads: a PNG that decodes, small enough to store, the
 * same bytes for the same sheet, signatures only where a witness signed, and drawn without any font
 * (a JDK on a fresh machine may have none) in a headless JVM.
 */
class SheetImagesTests {

    static final String TITLE = "互证签字表 第1班组 2025-06";

    static List<SheetImages.Row> rows(int count, String prefix) {
        return Draw.rows(count, prefix);
    }

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG ImageIO decodes").isNotNull();
        return image;
    }

    @Test
    void aSheetOfTenRowsIsASmallPngNineHundredPixelsWide() throws IOException {
        byte[] png = SheetImages.png(TITLE, rows(10, "JS"));

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).as("bytes of a 10-row sheet").isLessThan(150_000);
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isBetween(700, 900);
        assertThat(decode(SheetImages.png(TITLE, rows(20, "JS"))).getHeight()).as("a row more, the sheet longer")
                .isGreaterThan(image.getHeight() + 9 * 50);
    }

    @Test
    void theSameSheetGivesTheSameBytesAndAnotherSheetOtherBytes() {
        byte[] once = SheetImages.png(TITLE, rows(10, "JS"));

        assertThat(SheetImages.png(TITLE, rows(10, "JS"))).isEqualTo(once);
        assertThat(SheetImages.png(TITLE, rows(10, "QX"))).isNotEqualTo(once);
        List<SheetImages.Row> oneWitnessOther = new ArrayList<>(rows(10, "JS"));
        oneWitnessOther.set(0, new SheetImages.Row("JS000100", "JS000299", "JS000300"));
        assertThat(SheetImages.png(TITLE, oneWitnessOther)).isNotEqualTo(once);
    }

    @Test
    void inkIsInTheWitnessCellsThatWereSignedAndNotInTheOneLeftBlank() throws IOException {
        BufferedImage image = decode(SheetImages.png(TITLE, rows(10, "JS")));

        // the fifth row's second witness signed nothing (rows(...)); the sheet lies at most ~1 degree askew,
        // so each cell is looked at inside a margin of 12 pixels
        for (int row = 0; row < 10; row++) {
            int top = 26 + 112 + 42 + row * 56;
            int witness1 = 26 + 44 + 64 + 208;
            int witness2 = witness1 + 258;
            assertThat(inkIn(image, witness1 + 12, top + 12, 258 - 24, 56 - 24)).as("ink of row %d's first witness", row + 1)
                    .isGreaterThan(100);
            int second = inkIn(image, witness2 + 12, top + 12, 258 - 24, 56 - 24);
            if (row == 4) {
                assertThat(second).as("ink of row 5's second witness, who did not sign").isZero();
            }
            else {
                assertThat(second).as("ink of row %d's second witness", row + 1).isGreaterThan(100);
            }
            assertThat(inkIn(image, 26 + 44 + 64 + 12, top + 12, 208 - 24, 56 - 24)).as("the printed payee code is not ink")
                    .isZero();
        }
    }

    /** Pixels of blue ink: much more blue than red. */
    static int inkIn(BufferedImage image, int x, int y, int width, int height) {
        int ink = 0;
        for (int j = y; j < y + height; j++) {
            for (int i = x; i < x + width; i++) {
                int rgb = image.getRGB(i, j);
                if ((rgb & 0xff) - ((rgb >> 16) & 0xff) > 40) {
                    ink++;
                }
            }
        }
        return ink;
    }

    /**
     * In a JVM of its own, headless, the sheet is drawn without loading AWT's font manager (which
     * Graphics.drawString needs, and which fails where fontconfig or fonts are missing), and gives the
     * same bytes as here.
     */
    @Test
    void aHeadlessJvmDrawsTheSheetWithoutItsFontManager(@TempDir Path folder) throws Exception {
        Path out = folder.resolve("sheet.png");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = String.join(File.pathSeparator, classFolder(SheetImages.class), classFolder(SheetImagesTests.class));
        Process jvm = new ProcessBuilder(java, "-Djava.awt.headless=true", "-verbose:class", "-cp", classpath,
                SheetImagesTests.class.getName() + "$Draw", out.toString()).redirectErrorStream(true).start();
        String log = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(jvm.exitValue()).as(log.lines().filter(line -> !line.startsWith("[")).toList().toString()).isZero();
        assertThat(log).contains("org.workrelief.demo.SheetImages ")
                .doesNotContain("sun.font.FontManagerFactory").doesNotContain("sun.font.SunFontManager");
        assertThat(Files.readAllBytes(out)).isEqualTo(SheetImages.png(TITLE, rows(10, "JS")));
    }

    private static String classFolder(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** The other JVM's program (it uses nothing but the class tested): draws the test's sheet into the file named. */
    static final class Draw {

        /** Rows of codes with this prefix; the fifth row's second witness signed nothing. */
        static List<SheetImages.Row> rows(int count, String prefix) {
            List<SheetImages.Row> rows = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                rows.add(new SheetImages.Row(prefix + String.format("%06d", 100 + i), prefix + String.format("%06d", 200 + i % 3),
                        i == 4 ? null : prefix + String.format("%06d", 300 + i % 2)));
            }
            return rows;
        }

        public static void main(String[] args) throws IOException {
            Files.write(Path.of(args[0]), SheetImages.png(TITLE, Draw.rows(10, "JS")));
        }
    }
}
