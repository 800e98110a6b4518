package io.docextract.engine.document;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.layout.Layout;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reading speed and heap of the PDF and OCR paths; not a test (JUnit does not pick it up).
 *
 * <pre>
 * mvn -B -q -pl engine test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx512m -cp engine/target/test-classes:engine/target/classes:$(cat /tmp/cp.txt) \
 *     io.docextract.engine.document.LayoutBenchmark [textPages=500] [ocrPages=3] [languages]
 * </pre>
 *
 * Prints the median milliseconds per page over repeated reads of a generated text PDF, the
 * median per OCR page of generated 300 dpi scanned PDFs in English and in German (render,
 * preparation, Tesseract; after one unmeasured page in each language), in wall time and in
 * CPU time of Tesseract and of the JVM, and the peak heap seen while reading; then the same
 * per page of one multi-page scan in each language (later pages start with the language the
 * first page showed).
 */
public final class LayoutBenchmark {

    private LayoutBenchmark() {}

    public static void main(String[] args) {
        int textPages = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int ocrPages = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        EngineOptions defaults = EngineOptions.defaults();
        String languages = args.length > 2 ? args[2] : defaults.ocrLanguages();
        EngineOptions options = new EngineOptions(
                Math.max(textPages, defaults.maxPages()),
                true,
                defaults.ocrPageTimeout(),
                defaults.documentTimeout(),
                defaults.maxImagePixels(),
                defaults.tesseractCommand(),
                languages,
                EngineOptions.defaults().ocrEngine(),
                EngineOptions.defaults().ocrModels());
        DocumentReader reader = new DocumentReader(options);

        byte[] textPdf = textPdf(textPages);
        System.out.printf("text PDF: %d pages, %d KB%n", textPages, textPdf.length / 1024);
        resetPeaks();
        double[] perPage = new double[5];
        for (int run = 0; run < perPage.length; run++) {
            long start = System.nanoTime();
            Layout layout = reader.read(textPdf, DocumentFormat.PDF);
            perPage[run] = (System.nanoTime() - start) / 1e6 / layout.pageCount();
        }
        System.out.printf(
                "text PDF: median %.2f ms/page over %d reads %s, peak heap %d MB (max heap %d MB)%n",
                median(perPage),
                perPage.length,
                format(perPage),
                peakHeap() / (1 << 20),
                Runtime.getRuntime().maxMemory() / (1 << 20));

        double[] baseline = new double[3];
        for (int run = 0; run < baseline.length; run++) {
            baseline[run] = timed(() -> plainStripper(textPdf)) / textPages;
        }
        System.out.printf(
                "baseline, PDFBox sorted getText alone: median %.2f ms/page %s%n", median(baseline), format(baseline));

        if (ocrPages > 0) {
            System.out.printf(
                    "OCR (%s): scanned Letter pages at 300 dpi%n", reader.ocr().languages());
            resetPeaks();
            for (String language : List.of("en", "de")) {
                // One unmeasured page first: the medians are a warm engine's, as in a running
                // service, not the JIT compiling the render and preparation code.
                reader.read(PdfFixtures.pdf(scannedSpec(language, ocrPages)), DocumentFormat.PDF);
                double[] wall = new double[ocrPages];
                double[] jvm = new double[ocrPages];
                double[] tesseract = new double[ocrPages];
                for (int page = 0; page < ocrPages; page++) {
                    byte[] single = PdfFixtures.pdf(scannedSpec(language, page));
                    long start = System.nanoTime();
                    long jvmStart = jvmCpuMillis();
                    long childStart = childCpuMillis();
                    Layout layout = reader.read(single, DocumentFormat.PDF);
                    wall[page] = (System.nanoTime() - start) / 1e6;
                    jvm[page] = jvmCpuMillis() - jvmStart;
                    tesseract[page] = childCpuMillis() - childStart;
                    if (page == 0) {
                        System.out.printf(
                                "  %s first page: %d lines, first \"%s\"%n",
                                language,
                                layout.pages().getFirst().lines().size(),
                                layout.pages().getFirst().lines().getFirst().text());
                    }
                }
                System.out.printf(
                        "OCR %s: median %.0f ms/page wall %s; CPU median %.0f ms/page Tesseract %s + %.0f ms/page JVM %s%n",
                        language,
                        median(wall),
                        format(wall),
                        median(tesseract),
                        format(tesseract),
                        median(jvm),
                        format(jvm));
            }
            System.out.printf("OCR: peak heap %d MB%n", peakHeap() / (1 << 20));
            for (String language : List.of("en", "de")) {
                // One document of several pages: later pages start with the first page's language.
                PdfFixtures.PageSpec[] specs = new PdfFixtures.PageSpec[ocrPages];
                for (int p = 0; p < ocrPages; p++) {
                    specs[p] = scannedSpec(language, p);
                }
                byte[] scanned = PdfFixtures.pdf(specs);
                long jvmStart = jvmCpuMillis();
                long childStart = childCpuMillis();
                double wall = timed(() -> reader.read(scanned, DocumentFormat.PDF));
                System.out.printf(
                        "OCR %s, one %d-page scan: %.0f ms/page wall; CPU %.0f ms/page Tesseract + %.0f ms/page JVM%n",
                        language,
                        ocrPages,
                        wall / ocrPages,
                        (childCpuMillis() - childStart) / (double) ocrPages,
                        (jvmCpuMillis() - jvmStart) / (double) ocrPages);
            }
        }
    }

    private static void plainStripper(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.getText(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] textPdf(int pages) {
        PdfFixtures.PageSpec[] specs = new PdfFixtures.PageSpec[pages];
        for (int p = 0; p < pages; p++) {
            List<PdfFixtures.Text> texts = new ArrayList<>();
            texts.add(new PdfFixtures.Text("Statement page " + (p + 1), 72, 740, 16, true));
            for (int line = 0; line < 45; line++) {
                float y = 710 - line * 14;
                texts.add(PdfFixtures.Text.at(
                        "2024-03-" + (1 + line % 28) + "  Transfer reference " + (p * 100 + line), 72, y));
                texts.add(PdfFixtures.Text.at(String.format("%,.2f", (p * 37 + line * 13) / 7.0), 460, y));
            }
            specs[p] = PdfFixtures.PageSpec.text(texts.toArray(PdfFixtures.Text[]::new));
        }
        return PdfFixtures.pdf(specs);
    }

    /** CPU time of this JVM in milliseconds. */
    private static long jvmCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1_000_000;
    }

    /**
     * CPU time of this JVM's finished child processes (Tesseract) in milliseconds, from the
     * cutime and cstime fields of /proc/self/stat (clock ticks of 10 ms).
     */
    private static long childCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name's closing parenthesis start at field 3.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10;
        } catch (IOException e) {
            return 0;
        }
    }

    /** A full page of invoice-like text in English or German, drawn at 300 dpi: a realistic OCR load. */
    private static PdfFixtures.PageSpec scannedSpec(String language, int seed) {
        boolean german = language.equals("de");
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                german
                        ? "RECHNUNG %d   Datum 12.03.2024   Kundennummer 88213"
                        : "INVOICE %d   Date 12.03.2024   Customer 88213",
                4711 + seed));
        for (int i = 0; i < 28; i++) {
            lines.add(String.format(
                    german
                            ? "%2d  Artikel %05d  Beratungsleistung für Woche %d   %3d x %8.2f = %10.2f"
                            : "%2d  Article %05d  consulting services, week %d   %3d x %8.2f = %10.2f",
                    i + 1,
                    31 * i + seed,
                    i + 1,
                    i % 7 + 1,
                    12.5 + i,
                    (i % 7 + 1) * (12.5 + i)));
        }
        lines.add(
                german
                        ? "Gesamtbetrag fällig 1.234,56 EUR   Bitte zahlen Sie bis zum 30.03.2024 an die Bank"
                        : "Total amount due 1,234.56 EUR   IBAN DE89 3704 0044 0532 0130 00");
        return PdfFixtures.PageSpec.scanned(PdfFixtures.scannedPage(300, lines, 10));
    }

    private static double timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String format(double[] values) {
        return Arrays.stream(values)
                .mapToObj(v -> String.format("%.1f", v))
                .toList()
                .toString();
    }
}
