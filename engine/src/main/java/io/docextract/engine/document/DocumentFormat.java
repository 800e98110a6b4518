package io.docextract.engine.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The document formats the service accepts, with their MIME types and magic bytes. */
public enum DocumentFormat {
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg"),
    TIFF("image/tiff"),
    WEBP("image/webp"),
    BMP("image/bmp"),
    GIF("image/gif"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    TEXT("text/plain"),
    HTML("text/html"),
    CSV("text/csv");

    private final String mimeType;

    DocumentFormat(String mimeType) {
        this.mimeType = mimeType;
    }

    public String mimeType() {
        return mimeType;
    }

    public boolean isImage() {
        return this == PNG || this == JPEG || this == TIFF || this == WEBP || this == BMP || this == GIF;
    }

    public boolean isText() {
        return this == TEXT || this == HTML || this == CSV;
    }

    /** The format for a declared MIME type; parameters such as {@code ;charset=} are ignored. */
    public static Optional<DocumentFormat> fromMimeType(String mimeType) {
        if (mimeType == null) {
            return Optional.empty();
        }
        String bare = mimeType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (bare.equals("image/jpg")) {
            bare = "image/jpeg";
        }
        for (DocumentFormat format : values()) {
            if (format.mimeType.equals(bare)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the bytes look like this format. Binary formats are checked by magic bytes; text
     * formats by being decodable text (HTML additionally by a tag near the start, since plain
     * text and CSV cannot be told apart by bytes alone).
     */
    public boolean matches(byte[] bytes) {
        return switch (this) {
            case PDF -> startsWith(bytes, "%PDF-") || containsNear(bytes, "%PDF-", 1024);
            case PNG -> startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            case JPEG -> startsWith(bytes, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            case TIFF ->
                startsWith(bytes, new byte[] {'I', 'I', 42, 0}) || startsWith(bytes, new byte[] {'M', 'M', 0, 42});
            case WEBP ->
                startsWith(bytes, "RIFF")
                        && bytes.length >= 12
                        && new String(bytes, 8, 4, StandardCharsets.US_ASCII).equals("WEBP");
            case BMP -> startsWith(bytes, "BM") && bytes.length >= 26;
            case GIF -> startsWith(bytes, "GIF87a") || startsWith(bytes, "GIF89a");
            case DOCX -> startsWith(bytes, new byte[] {'P', 'K', 3, 4}) && containsNear(bytes, "word/", bytes.length);
            case TEXT, CSV -> isText(bytes);
            case HTML -> isText(bytes) && looksLikeHtml(bytes);
        };
    }

    /** The format the bytes are, judged by their content alone (for multipart without a type). */
    public static Optional<DocumentFormat> sniff(byte[] bytes) {
        for (DocumentFormat format : new DocumentFormat[] {PDF, PNG, JPEG, TIFF, WEBP, BMP, GIF, DOCX, HTML}) {
            if (format.matches(bytes)) {
                return Optional.of(format);
            }
        }
        return isText(bytes) ? Optional.of(TEXT) : Optional.empty();
    }

    private static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.UTF_8)
                .stripLeading()
                .toLowerCase(java.util.Locale.ROOT);
        return head.startsWith("<!doctype html")
                || head.startsWith("<html")
                || head.contains("<html")
                || head.contains("<body")
                || head.contains("<table")
                || head.contains("<div")
                || head.contains("<p>");
    }

    private static boolean isText(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        int sample = Math.min(bytes.length, 64 * 1024);
        for (int i = 0; i < sample; i++) {
            byte b = bytes[i];
            if (b == 0) {
                return false;
            }
        }
        try {
            // A sample may end inside a multi-byte character; decode whole prefix leniently at the end.
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, trimToCharBoundary(bytes, sample)));
            return true;
        } catch (CharacterCodingException e) {
            // Latin-1 and Windows-1252 text: accept when control characters are rare.
            long controls = 0;
            for (int i = 0; i < sample; i++) {
                int b = bytes[i] & 0xff;
                if (b < 0x09 || (b > 0x0d && b < 0x20)) {
                    controls++;
                }
            }
            return controls * 100 < sample;
        }
    }

    private static int trimToCharBoundary(byte[] bytes, int length) {
        if (length >= bytes.length) {
            return bytes.length;
        }
        int end = length;
        while (end > 0 && (bytes[end] & 0xc0) == 0x80) {
            end--;
        }
        return end;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        return startsWith(bytes, prefix.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean containsNear(byte[] bytes, String needle, int within) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        int limit = Math.min(bytes.length, within) - n.length;
        for (int i = 0; i <= limit; i++) {
            if (Arrays.equals(bytes, i, i + n.length, n, 0, n.length)) {
                return true;
            }
        }
        return false;
    }
}
