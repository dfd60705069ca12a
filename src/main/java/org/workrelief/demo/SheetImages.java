package org.workrelief.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Pictures of signed 互证签字表 for the demo: a paper sheet, photographed on a desk, with a ruled table of
 * one row a payee and, in the two witness cells, the witness's code written by hand under a signature
 * scribble. Everything is drawn from its inputs (the same sheet gives the same bytes, the same witness
 * signs alike on every sheet), on a {@link BufferedImage} only: no window system, and no font, since a
 * machine with only a JDK may have no fonts (AWT text would fail there). Letters A-Z, digits and '-'
 * are drawn from a 5x7 grid of our own; any other character (the Chinese of a title or a column
 * heading) is drawn as an illegible printed glyph, as small print looks in a phone's photograph.
 * The application runs headless (Spring Boot sets {@code java.awt.headless=true}); nothing here needs
 * more than an image in memory and ImageIO's PNG writer.
 */
final class SheetImages {

    /** One payee and the two co-workers who signed for them; a witness left null or blank signed nothing. */
    record Row(String payee, String witness1, String witness2) {
    }

    static final int WIDTH = 900;

    private static final int MARGIN = 26;
    private static final int PAPER_WIDTH = WIDTH - 2 * MARGIN;
    private static final int TABLE_LEFT = 44;
    private static final int[] COLUMNS = { 64, 208, 258, 258 };
    private static final int TABLE_TOP = 112;
    private static final int HEADER_HEIGHT = 42;
    private static final int ROW_HEIGHT = 56;
    private static final int FOOTER = 92;

    private static final Color PRINT = new Color(48, 46, 50);
    private static final Color RULE = new Color(70, 68, 72);
    private static final Color INK = new Color(28, 42, 112);

    private static final String[] HEADINGS = { "序号", "领款人编号", "证明人一签字", "证明人二签字" };

    private SheetImages() {
    }

    /** The PNG of the sheet with this title and these rows. */
    static byte[] png(String title, List<Row> rows) {
        int paperHeight = TABLE_TOP + HEADER_HEIGHT + rows.size() * ROW_HEIGHT + FOOTER;
        int height = paperHeight + 2 * MARGIN;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            Random sheet = new Random(seed("sheet", title) ^ rows.size());
            desk(g, height);
            // the sheet lies a little askew, as a sheet photographed on a desk does
            double angle = StrictMath.toRadians((sheet.nextDouble() - 0.5) * 2.2);
            g.rotate(angle, WIDTH / 2.0, height / 2.0);
            g.translate(MARGIN, MARGIN);
            paper(g, paperHeight);
            text(g, title == null ? "" : title, TABLE_LEFT, 52, 3.2, PRINT, 1.6, null);
            table(g, rows);
            footer(g, paperHeight);
            g.setTransform(new AffineTransform());
            light(g, height);
        }
        finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(indexed(image), "png", png);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /**
     * The picture in 256 colours (the most frequent, counted on a 5-bit-a-channel grid, each pixel as the
     * nearest of them): a sheet's few tones survive, and the PNG is a third of the size of true colour.
     */
    private static BufferedImage indexed(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        int[] count = new int[1 << 15];
        long[][] sum = new long[1 << 15][3];
        for (int rgb : pixels) {
            int bucket = bucket(rgb);
            count[bucket]++;
            sum[bucket][0] += (rgb >> 16) & 0xff;
            sum[bucket][1] += (rgb >> 8) & 0xff;
            sum[bucket][2] += rgb & 0xff;
        }
        Integer[] buckets = new Integer[count.length];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = i;
        }
        Arrays.sort(buckets, (a, b) -> count[b] != count[a] ? Integer.compare(count[b], count[a]) : Integer.compare(a, b));
        int colours = 0;
        byte[] r = new byte[256];
        byte[] gr = new byte[256];
        byte[] b = new byte[256];
        while (colours < 256 && count[buckets[colours]] > 0) {
            int bucket = buckets[colours];
            r[colours] = (byte) (sum[bucket][0] / count[bucket]);
            gr[colours] = (byte) (sum[bucket][1] / count[bucket]);
            b[colours] = (byte) (sum[bucket][2] / count[bucket]);
            colours++;
        }
        IndexColorModel palette = new IndexColorModel(8, colours, r, gr, b);
        BufferedImage indexed = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette);
        byte[] target = ((DataBufferByte) indexed.getRaster().getDataBuffer()).getData();
        int[] nearest = new int[count.length];
        Arrays.fill(nearest, -1);
        for (int i = 0; i < pixels.length; i++) {
            int bucket = bucket(pixels[i]);
            if (nearest[bucket] < 0) {
                nearest[bucket] = nearest(pixels[i], r, gr, b, colours);
            }
            target[i] = (byte) nearest[bucket];
        }
        return indexed;
    }

    private static int bucket(int rgb) {
        return ((rgb >> 19) & 0x1f) << 10 | ((rgb >> 11) & 0x1f) << 5 | (rgb >> 3) & 0x1f;
    }

    private static int nearest(int rgb, byte[] r, byte[] g, byte[] b, int colours) {
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < colours; i++) {
            int dr = ((rgb >> 16) & 0xff) - (r[i] & 0xff);
            int dg = ((rgb >> 8) & 0xff) - (g[i] & 0xff);
            int db = (rgb & 0xff) - (b[i] & 0xff);
            int distance = 2 * dr * dr + 4 * dg * dg + db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    private static void desk(Graphics2D g, int height) {
        g.setPaint(new GradientPaint(0, 0, new Color(118, 96, 74), WIDTH, height, new Color(86, 66, 50)));
        g.fill(new Rectangle2D.Double(0, 0, WIDTH, height));
    }

    private static void paper(Graphics2D g, int paperHeight) {
        for (int i = 6; i >= 1; i--) {
            g.setColor(new Color(0, 0, 0, 14));
            g.fill(new Rectangle2D.Double(4 - i / 2.0, 6 - i / 2.0, PAPER_WIDTH + i, paperHeight + i));
        }
        g.setPaint(new GradientPaint(0, 0, new Color(252, 250, 242), PAPER_WIDTH, paperHeight, new Color(236, 232, 220)));
        g.fill(new Rectangle2D.Double(0, 0, PAPER_WIDTH, paperHeight));
    }

    /** The light of a phone's photograph: brighter in the middle, darker towards the corners. */
    private static void light(Graphics2D g, int height) {
        float radius = (float) StrictMath.hypot(WIDTH / 2.0, height / 2.0);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(WIDTH * 0.45, height * 0.4), radius,
                new float[] { 0f, 0.6f, 1f },
                new Color[] { new Color(255, 255, 255, 0), new Color(0, 0, 0, 10), new Color(0, 0, 0, 70) },
                MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fill(new Rectangle2D.Double(0, 0, WIDTH, height));
    }

    private static void table(Graphics2D g, List<Row> rows) {
        int width = 0;
        for (int column : COLUMNS) {
            width += column;
        }
        int bottom = TABLE_TOP + HEADER_HEIGHT + rows.size() * ROW_HEIGHT;
        g.setColor(RULE);
        g.setStroke(new BasicStroke(1.3f));
        for (int i = 0; i <= rows.size(); i++) {
            int y = TABLE_TOP + HEADER_HEIGHT + i * ROW_HEIGHT;
            g.draw(new Line2D.Double(TABLE_LEFT, y, TABLE_LEFT + width, y));
        }
        g.setStroke(new BasicStroke(2f));
        g.draw(new Rectangle2D.Double(TABLE_LEFT, TABLE_TOP, width, bottom - TABLE_TOP));
        int x = TABLE_LEFT;
        for (int c = 0; c < COLUMNS.length; c++) {
            text(g, HEADINGS[c], x + 10, TABLE_TOP + 28, 2.2, PRINT, 1.3, null);
            x += COLUMNS[c];
            if (c < COLUMNS.length - 1) {
                g.setColor(RULE);
                g.setStroke(new BasicStroke(1.3f));
                g.draw(new Line2D.Double(x, TABLE_TOP, x, bottom));
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int top = TABLE_TOP + HEADER_HEIGHT + i * ROW_HEIGHT;
            text(g, String.valueOf(i + 1), TABLE_LEFT + 12, top + 36, 2.4, PRINT, 1.4, null);
            text(g, upper(row.payee()), TABLE_LEFT + COLUMNS[0] + 12, top + 36, 2.4, PRINT, 1.4, null);
            int cell = TABLE_LEFT + COLUMNS[0] + COLUMNS[1];
            signed(g, row.witness1(), cell, top, i);
            signed(g, row.witness2(), cell + COLUMNS[2], top, i + 101);
        }
    }

    /** A witness's cell: a signature scribble, and their code written by hand next to it. */
    private static void signed(Graphics2D g, String witness, int left, int top, int occasion) {
        if (witness == null || witness.isBlank()) {
            return;
        }
        String code = upper(witness);
        Random hand = new Random(seed("hand", code) * 31 + occasion);
        signature(g, code, left + 8 + hand.nextDouble() * 6, top + 6 + hand.nextDouble() * 4, hand);
        text(g, code, left + 142 + hand.nextDouble() * 6, top + 42 + hand.nextDouble() * 3, 1.8, INK, 1.4, hand);
    }

    /**
     * A scribbled signature: its shape from the witness's code alone (the same witness signs alike),
     * the small shake of each signing from {@code hand}. A large first letter, then small humps, tall
     * loops and descenders, and a closing flourish, in a box about 104 by 40 pixels.
     */
    private static void signature(Graphics2D g, String code, double left, double top, Random hand) {
        Random shape = new Random(seed("signature", code));
        double base = top + 28;
        Path2D.Double path = new Path2D.Double();
        double x = left;
        // the first letter: a tall loop, open or closed
        double capital = 14 + shape.nextInt(12);
        path.moveTo(x + 4 + shake(hand, 1), base);
        path.curveTo(x - 4, base - capital * 0.6, x + 2, top + 2 + shake(hand, 1.5), x + 10, top + 4);
        path.curveTo(x + 16 + shape.nextInt(8), top + 8, x + 6, base - 6, x + 8 + shake(hand, 1), base);
        x += 14 + shape.nextInt(6);
        double end = left + 84 + shape.nextInt(16);
        while (x < end) {
            double step = 7 + shape.nextInt(8);
            switch (shape.nextInt(5)) {
                case 0 -> { // a tall loop, like an l
                    path.curveTo(x + step * 1.2, base - 8, x + step * 1.1, top + 3 + shake(hand, 1.5), x + step * 0.6, top + 4);
                    path.curveTo(x + step * 0.1, top + 6, x + step * 0.2, base - 4, x + step, base + shake(hand, 1));
                }
                case 1 -> { // a descender, like a g
                    path.curveTo(x + step * 0.9, base - 10, x, base - 10, x + step * 0.6, base + 2);
                    path.curveTo(x + step, base + 14 + shake(hand, 1.5), x - step * 0.2, base + 12, x + step, base);
                }
                case 2 -> // a sharp zigzag
                    path.lineTo(x + step * 0.5, base - 9 - shape.nextInt(5) + shake(hand, 1));
                default -> // a small hump, like an n
                    path.curveTo(x + step * 0.1, base - 12 + shake(hand, 1.5), x + step * 0.9, base - 12, x + step, base);
            }
            Point2D at = path.getCurrentPoint();
            if (at.getY() < base - 1) {
                path.lineTo(x + step, base + shake(hand, 0.8));
            }
            x += step;
        }
        // the closing flourish: a stroke back under the name, or a tail rising away
        if (shape.nextBoolean()) {
            path.curveTo(x + 10, base + 2, x + 4, base + 10 + shake(hand, 1.5), left + 6 + shape.nextInt(20), base + 8);
        }
        else {
            path.curveTo(x + 4, base + 4, x + 10, base - 4, x + 16, top + 6 + shake(hand, 2));
        }
        g.setColor(INK);
        g.setStroke(new BasicStroke((float) (1.5 + hand.nextDouble() * 0.5), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    private static void footer(Graphics2D g, int paperHeight) {
        int y = paperHeight - 36;
        text(g, "制表人", TABLE_LEFT, y, 2.2, PRINT, 1.3, null);
        text(g, "日期", TABLE_LEFT + 440, y, 2.2, PRINT, 1.3, null);
        g.setColor(RULE);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(TABLE_LEFT + 80, y + 4, TABLE_LEFT + 300, y + 4));
        g.draw(new Line2D.Double(TABLE_LEFT + 500, y + 4, TABLE_LEFT + 720, y + 4));
    }

    /**
     * Draws {@code text} with its baseline at {@code y}, a grid unit of {@code scale} pixels; printed
     * when {@code hand} is null, otherwise written: slanted, each point shaken a little.
     */
    private static void text(Graphics2D g, String text, double x, double y, double scale, Color color,
            double weight, Random hand) {
        g.setColor(color);
        g.setStroke(new BasicStroke((float) weight, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double slant = hand == null ? 0 : 0.22;
        double top = y - 6 * scale;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            String[] glyph = Glyphs.of(c);
            if (glyph != null) {
                for (int[] line : Glyphs.strokes(glyph)) {
                    double x1 = x + line[0] * scale + (6 - line[1]) * scale * slant + shake(hand, scale * 0.18);
                    double y1 = top + line[1] * scale + shake(hand, scale * 0.18);
                    double x2 = x + line[2] * scale + (6 - line[3]) * scale * slant + shake(hand, scale * 0.18);
                    double y2 = top + line[3] * scale + shake(hand, scale * 0.18);
                    g.draw(new Line2D.Double(x1, y1, x2, y2));
                }
                x += 6 * scale + (hand == null ? 0 : shake(hand, scale * 0.4));
            }
            else if (c > 0x7f) {
                printedGlyph(g, c, x, top - scale, scale * 8);
                x += scale * 9;
            }
            else {
                x += 4 * scale;
            }
        }
    }

    /** A character our grid cannot draw, as illegible print: strokes in a square, the same for the same character. */
    private static void printedGlyph(Graphics2D g, int c, double x, double y, double size) {
        Random strokes = new Random(c * 2654435761L);
        int count = 4 + strokes.nextInt(4);
        for (int i = 0; i < count; i++) {
            double a = 0.1 + strokes.nextDouble() * 0.8;
            double from = strokes.nextDouble() * 0.4;
            double to = 0.6 + strokes.nextDouble() * 0.4;
            switch (strokes.nextInt(4)) {
                case 0, 1 -> g.draw(new Line2D.Double(x + from * size, y + a * size, x + to * size, y + a * size));
                case 2 -> g.draw(new Line2D.Double(x + a * size, y + from * size, x + a * size, y + to * size));
                default -> g.draw(new Line2D.Double(x + a * size, y + from * size,
                        x + (a - 0.3) * size, y + to * size));
            }
        }
    }

    private static double shake(Random hand, double amount) {
        return hand == null ? 0 : (hand.nextDouble() - 0.5) * 2 * amount;
    }

    private static String upper(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    private static long seed(String what, String text) {
        long seed = what.hashCode();
        String value = text == null ? "" : text;
        for (int i = 0; i < value.length(); i++) {
            seed = seed * 1_000_003L + value.charAt(i);
        }
        return seed;
    }

    /** Letters, digits and '-' on a 5x7 grid, turned into strokes between neighbouring dots. */
    static final class Glyphs {

        private static final String DIGITS = "0123456789";
        private static final String[][] DIGIT_ROWS = {
                { "01110", "10001", "10011", "10101", "11001", "10001", "01110" },
                { "00100", "01100", "00100", "00100", "00100", "00100", "01110" },
                { "01110", "10001", "00001", "00010", "00100", "01000", "11111" },
                { "11111", "00010", "00100", "00010", "00001", "10001", "01110" },
                { "00010", "00110", "01010", "10010", "11111", "00010", "00010" },
                { "11111", "10000", "11110", "00001", "00001", "10001", "01110" },
                { "00110", "01000", "10000", "11110", "10001", "10001", "01110" },
                { "11111", "00001", "00010", "00100", "01000", "01000", "01000" },
                { "01110", "10001", "10001", "01110", "10001", "10001", "01110" },
                { "01110", "10001", "10001", "01111", "00001", "00010", "01100" } };
        private static final String[][] LETTER_ROWS = {
                { "01110", "10001", "10001", "11111", "10001", "10001", "10001" },
                { "11110", "10001", "10001", "11110", "10001", "10001", "11110" },
                { "01110", "10001", "10000", "10000", "10000", "10001", "01110" },
                { "11100", "10010", "10001", "10001", "10001", "10010", "11100" },
                { "11111", "10000", "10000", "11110", "10000", "10000", "11111" },
                { "11111", "10000", "10000", "11110", "10000", "10000", "10000" },
                { "01110", "10001", "10000", "10111", "10001", "10001", "01111" },
                { "10001", "10001", "10001", "11111", "10001", "10001", "10001" },
                { "01110", "00100", "00100", "00100", "00100", "00100", "01110" },
                { "00111", "00010", "00010", "00010", "00010", "10010", "01100" },
                { "10001", "10010", "10100", "11000", "10100", "10010", "10001" },
                { "10000", "10000", "10000", "10000", "10000", "10000", "11111" },
                { "10001", "11011", "10101", "10101", "10001", "10001", "10001" },
                { "10001", "10001", "11001", "10101", "10011", "10001", "10001" },
                { "01110", "10001", "10001", "10001", "10001", "10001", "01110" },
                { "11110", "10001", "10001", "11110", "10000", "10000", "10000" },
                { "01110", "10001", "10001", "10001", "10101", "10010", "01101" },
                { "11110", "10001", "10001", "11110", "10100", "10010", "10001" },
                { "01111", "10000", "10000", "01110", "00001", "00001", "11110" },
                { "11111", "00100", "00100", "00100", "00100", "00100", "00100" },
                { "10001", "10001", "10001", "10001", "10001", "10001", "01110" },
                { "10001", "10001", "10001", "10001", "10001", "01010", "00100" },
                { "10001", "10001", "10001", "10101", "10101", "10101", "01010" },
                { "10001", "10001", "01010", "00100", "01010", "10001", "10001" },
                { "10001", "10001", "10001", "01010", "00100", "00100", "00100" },
                { "11111", "00001", "00010", "00100", "01000", "10000", "11111" } };
        private static final String[] DASH = { "00000", "00000", "00000", "11111", "00000", "00000", "00000" };

        private Glyphs() {
        }

        /** The 7 rows of 5 dots of a character, or null when the grid has none for it. */
        static String[] of(int c) {
            if (c >= '0' && c <= '9') {
                return DIGIT_ROWS[DIGITS.indexOf(c)];
            }
            if (c >= 'A' && c <= 'Z') {
                return LETTER_ROWS[c - 'A'];
            }
            if (c >= 'a' && c <= 'z') {
                return LETTER_ROWS[c - 'a'];
            }
            return c == '-' ? DASH : null;
        }

        /**
         * The strokes (x1, y1, x2, y2 in grid units) joining neighbouring dots: across, down, and
         * diagonally where no corner dot joins them already. A lone dot is a short stroke of its own.
         */
        static List<int[]> strokes(String[] rows) {
            List<int[]> lines = new ArrayList<>();
            for (int y = 0; y < 7; y++) {
                for (int x = 0; x < 5; x++) {
                    if (!on(rows, x, y)) {
                        continue;
                    }
                    boolean joined = false;
                    if (on(rows, x + 1, y)) {
                        lines.add(new int[] { x, y, x + 1, y });
                        joined = true;
                    }
                    if (on(rows, x, y + 1)) {
                        lines.add(new int[] { x, y, x, y + 1 });
                        joined = true;
                    }
                    if (on(rows, x + 1, y + 1) && !on(rows, x + 1, y) && !on(rows, x, y + 1)) {
                        lines.add(new int[] { x, y, x + 1, y + 1 });
                        joined = true;
                    }
                    if (on(rows, x - 1, y + 1) && !on(rows, x - 1, y) && !on(rows, x, y + 1)) {
                        lines.add(new int[] { x, y, x - 1, y + 1 });
                        joined = true;
                    }
                    if (!joined && !on(rows, x - 1, y) && !on(rows, x, y - 1) && !on(rows, x - 1, y - 1)
                            && !on(rows, x + 1, y - 1)) {
                        lines.add(new int[] { x, y, x, y });
                    }
                }
            }
            return lines;
        }

        private static boolean on(String[] rows, int x, int y) {
            return y >= 0 && y < 7 && x >= 0 && x < 5 && rows[y].charAt(x) == '1';
        }
    }
}
