package io.docextract.engine.document;

import io.docextract.engine.EngineOptions;
import java.time.Duration;

public final class DebugDump {
    public static void main(String[] args) throws Exception {
        var image = javax.imageio.ImageIO.read(new java.io.File(args[0]));
        var ocr = PaddleOcr.load(EngineOptions.defaultOcrModels()).orElseThrow();
        RgbImage page = RgbImage.of(image, PaddleOcr.MAX_SIDE);
        for (LineReading line : ocr.readLines(page, Deadline.after(Duration.ofMinutes(1)))) {
            var b = line.box();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < line.symbols().size(); i++) {
                var s = line.symbols().get(i);
                sb.append(line.characters().get(i))
                        .append('@')
                        .append(s.firstStep())
                        .append('-')
                        .append(s.lastStep())
                        .append(' ');
            }
            System.out.printf(
                    "box c=(%.0f,%.0f) l=%.0f t=%.0f a=%.3f pitch=%.1f conf=%.2f | %s%n",
                    b.centerX(),
                    b.centerY(),
                    b.length(),
                    b.thickness(),
                    b.angle(),
                    line.pitch(),
                    line.confidence(),
                    sb);
        }
    }
}
