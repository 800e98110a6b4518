package io.docextract.engine.document;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The image of a PDF page that is nothing but one scan drawn over the whole page at the OCR
 * resolution, as scanners write them ({@code q W 0 0 H 0 0 cm /Im0 Do Q}). Rendering such a page
 * at that resolution gives the image's own pixels back, so it is taken directly: about 10 ms
 * instead of 130–400 ms of rendering for a 300 dpi Letter page. Any other page (a scan at another
 * resolution, rotated, masked, or with anything else drawn on it) is rendered as before.
 */
final class FullPageScan {

    /** The only content stream operators of a bare scan page. */
    private static final Set<String> SCAN_OPERATORS = Set.of("q", "Q", "cm", "Do");

    /** Slack for rounding in the page size (points) and the image size (pixels). */
    private static final double TOLERANCE = 1.0;

    private FullPageScan() {}

    /** The page's scan as a gray image, when the page is one image of {@code dpi} covering it. */
    static Optional<BufferedImage> of(PDPage page, float dpi) throws IOException {
        if (page.getRotation() % 360 != 0) {
            return Optional.empty();
        }
        PDRectangle box = page.getCropBox();
        List<Object> operands = new ArrayList<>();
        float[] placement = null;
        COSName drawn = null;
        for (Object token : new PDFStreamParser(page).parse()) {
            if (!(token instanceof Operator operator)) {
                operands.add(token);
                continue;
            }
            String name = operator.getName();
            if (!SCAN_OPERATORS.contains(name)) {
                return Optional.empty();
            }
            if (name.equals("cm")) {
                if (placement != null || operands.size() != 6) {
                    return Optional.empty();
                }
                placement = new float[6];
                for (int i = 0; i < 6; i++) {
                    if (!(operands.get(i) instanceof COSNumber number)) {
                        return Optional.empty();
                    }
                    placement[i] = number.floatValue();
                }
            } else if (name.equals("Do")) {
                if (drawn != null || operands.size() != 1 || !(operands.getFirst() instanceof COSName image)) {
                    return Optional.empty();
                }
                drawn = image;
            }
            operands.clear();
        }
        if (placement == null || drawn == null || !coversPage(placement, box)) {
            return Optional.empty();
        }
        PDXObject object = page.getResources().getXObject(drawn);
        if (!(object instanceof PDImageXObject image)
                || image.isStencil()
                || image.getSoftMask() != null
                || image.getMask() != null
                || Math.abs(image.getWidth() - box.getWidth() * dpi / 72) > TOLERANCE
                || Math.abs(image.getHeight() - box.getHeight() * dpi / 72) > TOLERANCE) {
            return Optional.empty();
        }
        Optional<BufferedImage> raw = rawGray(image);
        return Optional.of(raw.isPresent() ? raw.get() : ScanPreprocessor.grayscale(image.getImage()));
    }

    /**
     * The samples of an 8-bit DeviceGray image as they are stored, which are the gray levels a
     * rendering gives. {@code getImage()} turns them into RGB first and {@code grayscale} back
     * again, and {@code getRawRaster()} reads them a byte at a time through a seek: each cost more
     * of the JVM's time on such a page than the rest of its reading. Empty for any other image
     * (colour, other depths, a {@code /Decode} array that remaps the samples).
     */
    private static Optional<BufferedImage> rawGray(PDImageXObject image) throws IOException {
        if (!(image.getColorSpace() instanceof PDDeviceGray)
                || image.getBitsPerComponent() != 8
                || !isIdentity(image.getDecode())) {
            return Optional.empty();
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ScanPreprocessor.pixels(gray);
        try (InputStream samples = image.createInputStream()) {
            // Rows are whole bytes at 8 bits, so the decoded stream is the pixels row by row.
            return samples.readNBytes(pixels, 0, pixels.length) == pixels.length ? Optional.of(gray) : Optional.empty();
        }
    }

    private static boolean isIdentity(COSArray decode) {
        return decode == null
                || (decode.size() == 2
                        && decode.get(0) instanceof COSNumber low
                        && decode.get(1) instanceof COSNumber high
                        && low.floatValue() == 0
                        && high.floatValue() == 1);
    }

    /** Whether the matrix {@code [a b c d e f]} maps the image's unit square onto the crop box. */
    private static boolean coversPage(float[] m, PDRectangle box) {
        return m[1] == 0
                && m[2] == 0
                && Math.abs(m[0] - box.getWidth()) <= TOLERANCE
                && Math.abs(m[3] - box.getHeight()) <= TOLERANCE
                && Math.abs(m[4] - box.getLowerLeftX()) <= TOLERANCE
                && Math.abs(m[5] - box.getLowerLeftY()) <= TOLERANCE;
    }
}
