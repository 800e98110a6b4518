package io.docextract.server.api;

import io.docextract.engine.document.DocumentFormat;
import io.docextract.server.ApiException;
import io.docextract.server.ApiException.Detail;
import io.docextract.server.DocExtractProperties;
import io.docextract.server.ErrorCode;
import io.docextract.server.jobs.Submission;
import io.docextract.server.jobs.SubmissionService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads submission bodies: JSON with a base64 document, JSON trees (batch items) and multipart
 * forms. A JSON body of known length up to {@link #WHOLE_BODY_BYTES} is read whole and its base64
 * text decoded in place by the JDK's decoder; a larger one (or one sent chunked) is streamed, its
 * base64 text decoded by the JSON parser straight from the request without being held as a string.
 */
@Component
public class SubmissionReader {

    /** Room for the JSON around the base64 text (metadata, names). */
    static final long ENVELOPE_BYTES = 1024 * 1024;

    /**
     * JSON bodies up to this length are read whole: decoding their base64 text with
     * {@link Base64} (vectorized) instead of the parser's character-by-character decoder saves
     * about 0.3 ms of a 100 kB submit (docs/operations.md, "Submits under load"). Larger bodies
     * are streamed so that a request never holds more than this beside its decoded document.
     */
    static final int WHOLE_BODY_BYTES = 4 * 1024 * 1024;

    private final JsonMapper json;
    private final long maxDocumentBytes;

    public SubmissionReader(JsonMapper json, DocExtractProperties properties) {
        this.json = json;
        this.maxDocumentBytes = properties.maxDocumentBytes();
    }

    /** The largest JSON body worth reading: a maximal document in base64 plus the envelope. */
    public long maxJsonBodyBytes() {
        return (maxDocumentBytes + 2) / 3 * 4 + ENVELOPE_BYTES;
    }

    public long maxMultipartBodyBytes() {
        return maxDocumentBytes + ENVELOPE_BYTES;
    }

    /** One submission from a JSON body. */
    public Submission fromJson(InputStream body, long contentLength) throws IOException {
        byte[] whole =
                contentLength > 0 && contentLength <= WHOLE_BODY_BYTES ? body.readNBytes((int) contentLength) : null;
        try (JsonParser parser = whole != null ? json.createParser(whole) : json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ApiException(ErrorCode.INVALID_JSON, "The request body must be a JSON object.");
            }
            return readObject(parser, whole, contentLength);
        } catch (JacksonException e) {
            throw new ApiException(ErrorCode.INVALID_JSON, "The request body is not valid JSON.");
        }
    }

    /**
     * Reads the members of the body's object up to the end of the body; {@code whole} is the body
     * when it was read whole, else null. Once a document is decoded in place, the rest of the
     * body is read by a parser of its own, so that no parser scans the base64 text (skipping it
     * cost as much as decoding it).
     */
    private Submission readObject(JsonParser first, byte[] whole, long contentLength) {
        JsonParser parser = first;
        try {
            List<Detail> problems = new ArrayList<>();
            String extractorId = null;
            byte[] document = null;
            String mimeType = null;
            String filename = null;
            JsonNode metadata = null;
            String name;
            while ((name = parser.nextName()) != null) {
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "extractor_id" -> extractorId = string(parser, token, name, problems);
                    case "mime_type" -> mimeType = string(parser, token, name, problems);
                    case "filename" -> filename = string(parser, token, name, problems);
                    case "metadata" -> metadata = parser.readValueAsTree();
                    case "document" -> {
                        InPlace inPlace =
                                token == JsonToken.VALUE_STRING && whole != null ? decodeInPlace(parser, whole) : null;
                        if (inPlace != null) {
                            document = inPlace.document();
                            if (parser != first) {
                                parser.close();
                            }
                            parser = resumeAfter(whole, inPlace.closingQuote());
                        } else if (token == JsonToken.VALUE_STRING) {
                            document = decode(parser, contentLength);
                        } else {
                            parser.skipChildren();
                            if (token != JsonToken.VALUE_NULL) {
                                problems.add(new Detail("document", "must be a base64 string"));
                            }
                        }
                    }
                    // Unknown members are ignored, as clients may send fields of newer API versions.
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new ApiException(ErrorCode.INVALID_JSON, "The request body has content after the JSON object.");
            }
            return new Submission(extractorId, document, mimeType, filename, metadata, false, problems);
        } finally {
            if (parser != first) {
                parser.close();
            }
        }
    }

    /** A document decoded from the body, and where its text ends. */
    private record InPlace(byte[] document, int closingQuote) {}

    /**
     * Decodes the current string token, base64 text in {@code body}, with the JDK's decoder.
     * Null when the text needs the parser's rules (escapes, whitespace, no padding, not base64):
     * the parser then decodes it, or refuses it exactly as it would have.
     */
    private InPlace decodeInPlace(JsonParser parser, byte[] body) {
        // The token starts at its opening quote; base64 has no quote, so the next one closes it
        // (an escaped quote leaves a backslash in the text, which the decoder refuses).
        int start = (int) parser.currentTokenLocation().getByteOffset() + 1;
        int end = indexOfQuote(body, start);
        if (start <= 0 || end < 0 || (end - start) % 4 != 0) {
            return null;
        }
        ByteBuffer decoded;
        try {
            decoded = Base64.getDecoder().decode(ByteBuffer.wrap(body, start, end - start));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (decoded.remaining() > maxDocumentBytes) {
            throw SubmissionService.tooLarge(maxDocumentBytes);
        }
        // The array is exact unless padding shortened the text's estimate.
        byte[] document = decoded.remaining() == decoded.array().length
                ? decoded.array()
                : Arrays.copyOf(decoded.array(), decoded.remaining());
        return new InPlace(document, end);
    }

    private static int indexOfQuote(byte[] body, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    /** Stands in for the members before a document's closing quote: an object with one member. */
    private static final byte[] RESUMED_OBJECT = "{\"\":null".getBytes(StandardCharsets.US_ASCII);

    /**
     * A parser of the body after a top-level member's closing quote, positioned as if it were
     * that member's end: the rest of the object follows ({@code ,"metadata":{...}}}).
     */
    private JsonParser resumeAfter(byte[] body, int closingQuote) {
        int rest = body.length - closingQuote - 1;
        byte[] resumed = Arrays.copyOf(RESUMED_OBJECT, RESUMED_OBJECT.length + rest);
        System.arraycopy(body, closingQuote + 1, resumed, RESUMED_OBJECT.length, rest);
        JsonParser parser = json.createParser(resumed);
        parser.nextToken(); // {
        parser.nextName(); // ""
        parser.nextToken(); // null
        return parser;
    }

    private byte[] decode(JsonParser parser, long contentLength) {
        long expected = contentLength > 0 ? Math.min(contentLength * 3 / 4 + 16, maxDocumentBytes + 1) : 64 * 1024;
        LimitedBuffer buffer = new LimitedBuffer((int) Math.min(expected, Integer.MAX_VALUE - 16), maxDocumentBytes);
        try {
            parser.readBinaryValue(buffer);
        } catch (JacksonException e) {
            if (e.getCause() instanceof DocumentTooLarge) {
                throw SubmissionService.tooLarge(maxDocumentBytes);
            }
            throw new ApiException(ErrorCode.INVALID_DOCUMENT_ENCODING, "The document is not valid base64.");
        } catch (DocumentTooLarge e) {
            throw SubmissionService.tooLarge(maxDocumentBytes);
        }
        return buffer.toByteArray();
    }

    /** One submission from a parsed JSON object (a batch item). */
    public Submission fromTree(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw ApiException.validation("body", "must be a JSON object");
        }
        List<Detail> problems = new ArrayList<>();
        byte[] document = null;
        JsonNode documentNode = item.get("document");
        if (documentNode != null && !documentNode.isNull()) {
            if (!documentNode.isString()) {
                problems.add(new Detail("document", "must be a base64 string"));
            } else {
                if ((long) documentNode.stringValue().length() * 3 / 4 > maxDocumentBytes + 2) {
                    throw SubmissionService.tooLarge(maxDocumentBytes);
                }
                try {
                    document = documentNode.binaryValue();
                } catch (JacksonException e) {
                    throw new ApiException(ErrorCode.INVALID_DOCUMENT_ENCODING, "The document is not valid base64.");
                }
            }
        }
        return new Submission(
                string(item, "extractor_id", problems),
                document,
                string(item, "mime_type", problems),
                string(item, "filename", problems),
                item.get("metadata"),
                false,
                problems);
    }

    /** One submission from a multipart form: parts file, extractor_id, metadata, optional mime_type and filename. */
    public Submission fromMultipart(MultipartHttpServletRequest request) {
        List<Detail> problems = new ArrayList<>();
        MultipartFile file = request.getFile("file");
        byte[] document = null;
        String filename = request.getParameter("filename");
        String mimeType = blankToNull(request.getParameter("mime_type"));
        if (file != null) {
            if (file.getSize() > maxDocumentBytes) {
                throw SubmissionService.tooLarge(maxDocumentBytes);
            }
            try {
                document = file.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the uploaded file", e);
            }
            if (filename == null
                    && file.getOriginalFilename() != null
                    && !file.getOriginalFilename().isBlank()) {
                filename = file.getOriginalFilename();
            }
            if (mimeType == null) {
                mimeType = partType(file, document, filename);
            }
        }
        JsonNode metadata = null;
        String metadataText = request.getParameter("metadata");
        if (metadataText != null && !metadataText.isBlank()) {
            try {
                metadata = json.readTree(metadataText);
            } catch (JacksonException e) {
                problems.add(new Detail("metadata", "must be a JSON object (as a string)"));
            }
        }
        return new Submission(
                blankToNull(request.getParameter("extractor_id")),
                document,
                mimeType,
                filename,
                metadata,
                true,
                problems);
    }

    /**
     * The type a multipart part declares when it is a supported one the bytes confirm (a CSV part
     * would otherwise sniff as plain text); null lets the service sniff.
     */
    private static String partType(MultipartFile file, byte[] bytes, String filename) {
        DocumentFormat declared =
                DocumentFormat.fromMimeType(file.getContentType()).orElse(null);
        if (declared != null && declared.matches(bytes)) {
            return declared.mimeType();
        }
        if (filename != null
                && filename.toLowerCase(Locale.ROOT).endsWith(".csv")
                && DocumentFormat.CSV.matches(bytes)
                && DocumentFormat.sniff(bytes).orElse(null) == DocumentFormat.TEXT) {
            return DocumentFormat.CSV.mimeType();
        }
        return null;
    }

    private static String string(JsonParser parser, JsonToken token, String name, List<Detail> problems) {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        if (token != JsonToken.VALUE_NULL) {
            problems.add(new Detail(name, "must be a string"));
        }
        return null;
    }

    private static String string(JsonNode item, String name, List<Detail> problems) {
        JsonNode node = item.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            problems.add(new Detail(name, "must be a string"));
            return null;
        }
        return node.stringValue();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Signals that the decoded document passed the limit (so decoding stops early). */
    private static final class DocumentTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DocumentTooLarge() {
            super(null, null, false, false);
        }
    }

    /** A byte buffer that refuses to grow past the document limit. */
    private static final class LimitedBuffer extends ByteArrayOutputStream {
        private final long limit;

        LimitedBuffer(int initial, long limit) {
            super(initial);
            this.limit = limit;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        private void check(int more) {
            if ((long) count + more > limit) {
                throw new DocumentTooLarge();
            }
        }
    }
}
