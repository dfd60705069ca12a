package org.workrelief.payout;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Small real image files standing in for the photo of a signed sheet. */
public final class SheetScans {

    private SheetScans() {
    }

    /** A PNG of the given shade (different shades give different files, so different SHA-256). */
    public static byte[] png(int shade) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(shade & 0xFF, 250, 240));
        g.fillRect(0, 0, 8, 8);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png() {
        return png(200);
    }
}
