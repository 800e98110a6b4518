package io.docextract.engine.fields;

import io.docextract.engine.fields.Candidate.Source;
import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Word;
import io.docextract.engine.values.DocumentContextDetector;
import io.docextract.engine.values.ValueMatch;
import io.docextract.engine.values.ValueScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every plausible value of one kind in a document, without judging them: typed scanners for
 * dates, amounts, numbers, e-mails, phones and flags; for text fields, identifier-like word
 * runs, segments, text after labels, column blocks (addresses), currency marks and enum values.
 * Results are cached per kind and document, since several fields share them.
 */
final class CandidateFinder {

    private static final int MAX_BLOCK_LINES = 5;
    /** A company name opening a longer text is at most this many words, legal form included. */
    private static final int NAME_WORDS = 6;
    /** Words after a name's legal form that make its segment more than the name. */
    private static final int AFTER_LEGAL_FORM = 3;

    private final Scanners scanners;
    private final DocumentIndex doc;
    private final Map<String, List<Candidate>> cache = new HashMap<>();

    CandidateFinder(Scanners scanners, DocumentIndex doc) {
        this.scanners = scanners;
        this.doc = doc;
    }

    List<Candidate> find(FieldQuery query) {
        return switch (query.kind()) {
            case DATE -> cached("date", () -> scanned(scanners.dates()));
            case AMOUNT -> cached("amount", () -> scanned(scanners.amounts()));
            case NUMBER ->
                cached("number", () -> {
                    List<Candidate> out = new ArrayList<>(scanned(scanners.numbers()));
                    out.addAll(scanned(scanners.amounts()));
                    return dedupe(out);
                });
            case EMAIL -> cached("email", () -> scanned(scanners.emails()));
            case PHONE -> cached("phone", this::phones);
            case BOOLEAN -> flags(query);
            case IDENTIFIER -> cached("id", this::identifiers);
            case NAME -> cached("name", () -> restored(names()));
            case ADDRESS ->
                query.asksForPrintedText()
                        ? cached("address as printed", () -> restored(withoutDates(addresses(true))))
                        : cached("address", () -> restored(withoutDates(addresses(false))));
            case CURRENCY_CODE ->
                allowed(cached("currency", this::currencies), query.field().enumValues());
            case CHOICE -> choices(query.field().enumValues());
            case TEXT -> cached("text", this::segments);
        };
    }

    /**
     * Addresses hold no date: a receipt's "27 Mar 2018 18:46" under its letterhead, or a footer's
     * "*Settled at 20/10/2016 3:08:19 PM*", won addresses on their position and length.
     */
    private List<Candidate> withoutDates(List<Candidate> candidates) {
        if (scanners.dates() == null) {
            return candidates;
        }
        return candidates.stream()
                .filter(c -> scanners.dates().scan(c.text(), doc.context()).isEmpty())
                .toList();
    }

    /**
     * Segments that may be a name: not those ending in a comma, which the text goes on after (a
     * receipt's footer "BARANG YANG DIJUAL TIDAK BOLEH" / "DITUKAR," took the shop's name),
     * unless a legal form ends the name before the comma ("WS Retail Services Pvt. Ltd.,").
     */
    private List<Candidate> names() {
        return segments().stream()
                .filter(c -> !c.text().endsWith(",") || LegalForms.isLegalFormWord(lastWord(c.text())))
                .toList();
    }

    private static String lastWord(String text) {
        return text.substring(text.lastIndexOf(' ') + 1);
    }

    /** Names and addresses as printed where OCR misread them in ways the text shows ({@link PrintedText}). */
    private static List<Candidate> restored(List<Candidate> candidates) {
        return candidates.stream()
                .map(c -> new Candidate(
                        PrintedText.restored((String) c.value()),
                        c.text(),
                        c.line(),
                        c.from(),
                        c.to(),
                        c.box(),
                        c.quality(),
                        c.source(),
                        c.lineSpan()))
                .toList();
    }

    /** The candidates whose value is one of the field's allowed values (all when none are listed). */
    private static List<Candidate> allowed(List<Candidate> candidates, List<String> values) {
        if (values.isEmpty()) {
            return candidates;
        }
        Set<String> folded = new HashSet<>();
        values.forEach(v -> folded.add(v.strip().toUpperCase(Locale.ROOT)));
        return candidates.stream()
                .filter(c -> c.value() != null
                        && folded.contains(c.value().toString().strip().toUpperCase(Locale.ROOT)))
                .toList();
    }

    /** Amounts of the whole document: the arithmetic features compare against them. */
    List<Candidate> amounts() {
        return cached("amount", () -> scanned(scanners.amounts()));
    }

    private List<Candidate> cached(String key, java.util.function.Supplier<List<Candidate>> supplier) {
        List<Candidate> hit = cache.get(key);
        if (hit == null) {
            hit = List.copyOf(supplier.get());
            cache.put(key, hit);
        }
        return hit;
    }

    private List<Candidate> scanned(ValueScanner scanner) {
        List<Candidate> out = new ArrayList<>();
        if (scanner == null) {
            return out;
        }
        for (TextLine line : doc.lines()) {
            for (ValueMatch match : scanner.scan(line.text(), doc.context())) {
                int[] words = line.wordsOf(match.start(), match.end());
                if (words[1] <= words[0]) {
                    continue;
                }
                String text = line.text().substring(match.start(), match.end());
                out.add(new Candidate(
                        match.value(),
                        text,
                        line,
                        words[0],
                        words[1],
                        line.boxOf(words[0], words[1]),
                        match.quality(),
                        Source.SCANNED,
                        1));
            }
        }
        return dedupe(out);
    }

    /** Phones keep the printed form: numbers are compared by their digits, and users expect it. */
    private List<Candidate> phones() {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : scanned(scanners.phones())) {
            out.add(new Candidate(
                    c.text().strip(), c.text(), c.line(), c.from(), c.to(), c.box(), c.quality(), c.source(), 1));
        }
        return out;
    }

    /**
     * Identifiers: IBANs and VAT ids from their scanners, and every run of up to five words in
     * one segment that look like parts of a code (holding digits, or short capitals like a
     * country prefix, or long capital codes like a BIC).
     */
    private List<Candidate> identifiers() {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : scanned(scanners.ibans())) {
            out.add(new Candidate(
                    c.value(), c.text(), c.line(), c.from(), c.to(), c.box(), c.quality(), Source.SCANNED, 1));
        }
        for (Candidate c : scanned(scanners.vatIds())) {
            out.add(new Candidate(
                    c.value(), c.text(), c.line(), c.from(), c.to(), c.box(), c.quality(), Source.SCANNED, 1));
        }
        for (TextLine line : doc.lines()) {
            for (Segment segment : line.segments()) {
                for (int i = segment.from(); i < segment.to(); i++) {
                    String first = idPart(line.words().get(i).text());
                    if (first == null || !(DocumentIndex.hasDigit(first) || isCapitalCode(first) || isPrefix(first))) {
                        continue;
                    }
                    for (int j = i + 1; j <= Math.min(segment.to(), i + 8); j++) {
                        String last = idPart(line.words().get(j - 1).text());
                        if (last == null) {
                            break;
                        }
                        String text = idText(line, i, j);
                        if (text.length() >= 3
                                && (DocumentIndex.hasDigit(text) || isCapitalCode(text))
                                && !isPrintedDate(text)) {
                            out.add(new Candidate(text, text, line, i, j, line.boxOf(i, j), 1.0, Source.TOKENS, 1));
                        }
                        String after =
                                j < segment.to() ? idPart(line.words().get(j).text()) : null;
                        if (after == null) {
                            break;
                        }
                    }
                }
            }
        }
        return dedupe(out);
    }

    /**
     * Whether the text is one date written with separators ("31/12/2017", "2015-10-20"): that is
     * the document's date, never its number, though a number field sits beside it under "Date:".
     * Runs of digits alone ("20151031") stay identifiers: invoice numbers are often built so.
     */
    private boolean isPrintedDate(String text) {
        if (scanners.dates() == null || text.chars().allMatch(Character::isDigit)) {
            return false;
        }
        for (ValueMatch match : scanners.dates().scan(text, doc.context())) {
            if (match.start() == 0 && match.end() == text.length()) {
                return true;
            }
        }
        return false;
    }

    /** "n°562044387", "Nr.4711": a number sign printed without a space before the number. */
    private static final Pattern GLUED_NUMBER_SIGN = Pattern.compile("^(?i)(?:n[°º]|no\\.|nr\\.|#)(?=\\d)");

    /** The word as part of an identifier (trailing punctuation dropped), or null when it is not. */
    private static String idPart(String word) {
        String w = GLUED_NUMBER_SIGN.matcher(word).replaceFirst("").replaceAll("^[(\\[#:]+|[)\\].,;:]+$", "");
        if (w.isEmpty() || w.length() > 40) {
            return null;
        }
        boolean digit = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isDigit(c)) {
                digit = true;
            } else if (!(Character.isLetter(c) || c == '-' || c == '/' || c == '.' || c == '_')) {
                return null;
            }
        }
        if (digit || isCapitalCode(w) || isPrefix(w)) {
            return w;
        }
        return null;
    }

    private static boolean isPrefix(String w) {
        return w.length() >= 1
                && w.length() <= 4
                && w.equals(w.toUpperCase(Locale.ROOT))
                && w.chars().allMatch(Character::isLetter);
    }

    private static boolean isCapitalCode(String w) {
        if (w.length() < 5) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!(Character.isUpperCase(c) || Character.isDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A company registration number printed after a name: "(126926-H)", "862725-U", "(139386 X)";
     * what follows it on the line ("273500-U (KSB)") is no more the name than the number is.
     */
    static final Pattern REGISTRATION_TAIL =
            Pattern.compile("\\s(?:\\(\\s*\\d{4,}[\\d-]*(?:[\\s-]?[A-Z])?\\s*\\)|\\d{4,}-[A-Z])(?=\\s|$)");

    /**
     * Where the words of {@code [from, to)} end once a registration number and what follows it
     * are cut off ({@code to} when there is none, or when nothing would be left).
     */
    static int withoutRegistrationTail(TextLine line, int from, int to) {
        String text = line.textOf(from, to);
        Matcher m = REGISTRATION_TAIL.matcher(text);
        if (!m.find()) {
            return to;
        }
        int keep = text.substring(0, m.start()).strip().split("\\s+").length;
        return keep > 0 && from + keep < to ? from + keep : to;
    }

    private static String idText(TextLine line, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.append(' ');
            }
            out.append(idPart(line.words().get(i).text()));
        }
        return out.toString();
    }

    /**
     * Text candidates: every segment with letters, and the text after a label inside a segment
     * ("Bill to: ACME Ltd" gives "ACME Ltd").
     */
    private List<Candidate> segments() {
        List<Candidate> out = new ArrayList<>();
        for (TextLine line : doc.lines()) {
            for (Segment segment : line.segments()) {
                if (!segment.hasLetters()) {
                    continue;
                }
                String text = cleanText(segment.text());
                // "Sold By : WS Retail Ltd.": the caption is never part of the name or text it captions.
                int colon = colonLabelEnd(line, segment);
                boolean captioned = colon > segment.from() && hasLetter(line.textOf(colon, segment.to()));
                if (!text.isEmpty()
                        && !captioned
                        && !isLegalFormAlone(line, segment.from(), segment.to())
                        && !REGISTRATION_LINE.matcher(segment.text().strip()).matches()) {
                    out.add(new Candidate(
                            text, text, line, segment.from(), segment.to(), segment.box(), 1.0, Source.SEGMENT, 1));
                }
                // The sender's name opening a return address; a name without its registration number.
                int sender = DocumentIndex.senderNameEnd(line, segment);
                if (sender > 0) {
                    opening(line, segment, sender).ifPresent(out::add);
                }
                int nameEnd = withoutRegistrationTail(line, segment.from(), segment.to());
                if (nameEnd < segment.to()) {
                    opening(line, segment, nameEnd).ifPresent(out::add);
                }
                if (opensWithMonogram(line, segment)) {
                    String name = cleanText(line.textOf(segment.from() + 1, segment.to()));
                    out.add(new Candidate(
                            name,
                            name,
                            line,
                            segment.from() + 1,
                            segment.to(),
                            line.boxOf(segment.from() + 1, segment.to()),
                            1.0,
                            Source.SEGMENT,
                            1));
                }
                int apart = legalFormApartEnd(line, segment);
                if (apart > segment.to()) {
                    opening(line, segment, apart).ifPresent(out::add);
                }
                int legalEnd = legalFormEnd(line, segment);
                if (legalEnd > 0) {
                    opening(line, segment, legalEnd).ifPresent(out::add);
                }
                int split = labelEnd(line, segment);
                if (split > segment.from() && split < segment.to()) {
                    afterLabel(line, segment, split, line.textOf(split, segment.to()))
                            .filter(candidate -> hasLetter(candidate.text()))
                            .ifPresent(out::add);
                }
            }
            wrappedName(line).ifPresent(out::add);
        }
        return out;
    }

    /** Words that join the parts of a name and never end one: "HOME MASTER HARDWARE &" goes on. */
    private static final Set<String> NAME_CONNECTIVES = Set.of("&", "+", "and", "und", "et", "en", "y", "e");

    /** A parenthesized word inside a legal form: "(M)" in "CO. (M) SDN BHD", "(JOHOR)". */
    private static final Pattern PARENTHESIZED = Pattern.compile("\\(\\p{L}+\\)");

    /** A line that is one parenthesized phrase of letters: "(JALAN KLANG LAMA)". */
    private static final Pattern PARENTHESIZED_LINE = Pattern.compile("\\(\\p{L}[\\p{L} .&'-]*\\)");

    /**
     * A company name printed over two lines, as one candidate: the first line runs on when it
     * ends in a connective ("HOME MASTER HARDWARE &" / "ELECTRICAL"), when the next line holds
     * nothing but the legal form ("POPULAR BOOK" / "CO. (M) SDN BHD"), or when the first ends in
     * a legal form and the next is a parenthesized qualifier, the branch a company names itself
     * by ("CHECKERS HYPERMARKET SDN BHD" / "(JALAN KLANG LAMA)"). Both are whole lines of
     * letters, the second right under the first and overlapping it: a centred letterhead, or a
     * name block in a column.
     */
    private Optional<Candidate> wrappedName(TextLine line) {
        List<TextLine> pageLines = doc.pageLines(line.page());
        if (line.pageIndex() + 1 >= pageLines.size() || !isNameLine(line)) {
            return Optional.empty();
        }
        TextLine next = pageLines.get(line.pageIndex() + 1);
        double gap = next.box().y0() - line.box().y1();
        boolean under = isNameLine(next)
                && gap < 1.5 * Math.max(line.height(), next.height())
                && next.box().x0() < line.box().x1()
                && next.box().x1() > line.box().x0();
        if (!under) {
            return Optional.empty();
        }
        String last = line.words().getLast().text().toLowerCase(Locale.ROOT);
        if (!NAME_CONNECTIVES.contains(last)
                && !isLegalFormAlone(next, 0, next.words().size())
                && !(LegalForms.isLegalFormWord(last)
                        && PARENTHESIZED_LINE.matcher(next.text()).matches())) {
            return Optional.empty();
        }
        String name = cleanText(line.text() + " " + next.text());
        return Optional.of(new Candidate(
                name, name, line, 0, line.words().size(), Box.union(line.box(), next.box()), 1.0, Source.SEGMENT, 2));
    }

    /** A line that can be part of a name: letters, no digits, no label with a colon. */
    private static boolean isNameLine(TextLine line) {
        String text = line.text();
        return hasLetter(text) && !DocumentIndex.hasDigit(text) && !text.contains(":");
    }

    /**
     * Whether the words are a legal form and nothing else ("SDN BHD", "CO. (M) SDN BHD", "(Co."):
     * the tail of a name printed apart, never a name of its own.
     */
    static boolean isLegalFormAlone(TextLine line, int from, int to) {
        boolean form = false;
        for (int i = from; i < to; i++) {
            String word = line.words().get(i).text();
            if (LegalForms.isLegalFormWord(word)) {
                form = true;
            } else if (!PARENTHESIZED.matcher(word).matches()) {
                return false;
            }
        }
        return form;
    }

    /**
     * Where a company name opening a longer segment ends: after the last legal-form word among
     * the segment's first words, when at least {@value #AFTER_LEGAL_FORM} more words follow ("Free
     * SAS au capital de 3.441.812 Euros − RCS Paris…", a footer's legal notice); 0 when none. The
     * last legal-form word, so "Sdn Bhd" and "Co. (M) Bhd" stay whole.
     */
    static int legalFormEnd(TextLine line, Segment segment) {
        List<Word> words = line.words();
        if (LegalForms.isLegalFormWord(words.get(segment.from()).text())) {
            return 0;
        }
        int end = 0;
        for (int i = segment.from() + 1; i < Math.min(segment.from() + NAME_WORDS, segment.to()); i++) {
            if (LegalForms.isLegalFormWord(words.get(i).text())) {
                end = i + 1;
            }
        }
        // "GmbH & Co. KG", "Sdn Bhd": the legal form runs on past the first words.
        while (end > 0 && end < segment.to() && continuesLegalForm(words, end, segment.to())) {
            end++;
        }
        return end > 0 && segment.to() - end >= AFTER_LEGAL_FORM ? end : 0;
    }

    private static boolean continuesLegalForm(List<Word> words, int at, int to) {
        String word = words.get(at).text();
        return LegalForms.isLegalFormWord(word)
                || word.equals("&")
                        && at + 1 < to
                        && LegalForms.isLegalFormWord(words.get(at + 1).text());
    }

    /**
     * Where a name runs on when OCR printed its legal form apart on the same line ("GARDENIA
     * BAKERIES (KL)" | "SDN BHD (139386 X)"): the end of the following segments that are a legal
     * form alone, a trailing registration number cut off; the segment's own end when none follows.
     */
    static int legalFormApartEnd(TextLine line, Segment segment) {
        int end = segment.to();
        if (isLegalFormAlone(line, segment.from(), segment.to())) {
            return end;
        }
        List<Segment> segments = line.segments();
        for (int i = segments.indexOf(segment) + 1; i < segments.size(); i++) {
            Segment next = segments.get(i);
            int cut = withoutRegistrationTail(line, next.from(), next.to());
            if (!isLegalFormAlone(line, next.from(), cut)) {
                break;
            }
            end = cut;
            if (cut < next.to()) {
                break;
            }
        }
        return end;
    }

    /**
     * Whether the segment opens with a logo's monogram: a word of two to four capitals that are
     * the initials of the words after it ("EZ Eaux Zeltu EURL", "BP Briab Power SARL"). The name
     * is printed without it everywhere else.
     */
    static boolean opensWithMonogram(TextLine line, Segment segment) {
        String first = line.words().get(segment.from()).text();
        int n = first.length();
        if (n < 2 || n > 4 || !first.chars().allMatch(Character::isUpperCase) || segment.to() - segment.from() <= n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            String word = line.words().get(segment.from() + 1 + i).text();
            if (Character.toUpperCase(word.charAt(0)) != first.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The words opening a segment up to {@code end}, as a candidate of their own; empty without letters or a legal form alone. */
    private static Optional<Candidate> opening(TextLine line, Segment segment, int end) {
        String name = cleanText(line.textOf(segment.from(), end));
        if (!hasLetter(name) || isLegalFormAlone(line, segment.from(), end)) {
            return Optional.empty();
        }
        return Optional.of(new Candidate(
                name, name, line, segment.from(), end, line.boxOf(segment.from(), end), 1.0, Source.SEGMENT, 1));
    }

    /** The text right of a segment's label (from {@code split}), as a candidate of its own; empty when blank. */
    private static Optional<Candidate> afterLabel(TextLine line, Segment segment, int split, String text) {
        String rest = cleanText(text);
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Candidate(
                rest, rest, line, split, segment.to(), line.boxOf(split, segment.to()), 1.0, Source.AFTER_LABEL, 1));
    }

    /**
     * Where a segment's leading label ends: after a colon, or after a lexicon phrase opening it.
     * A phrase is words: it does not run over a number ("Unit 7, Dockside Park" is the unit of a
     * building, not the caption "Unit" of the figure 7).
     */
    private int labelEnd(TextLine line, Segment segment) {
        int colon = colonLabelEnd(line, segment);
        if (colon > 0) {
            return colon;
        }
        int words = segment.from();
        while (words < segment.to()
                && !DocumentIndex.hasDigit(line.words().get(words).text())) {
            words++;
        }
        for (int i = Math.min(Math.min(segment.to() - 1, segment.from() + 4), words); i > segment.from(); i--) {
            List<String> tokens = Tokenizer.tokens(line.textOf(segment.from(), i));
            LabelMatch match = doc.lexicon().match(tokens);
            if (!match.isEmpty() && match.coverage() >= 0.99 && match.matchedTokens() >= 1) {
                return i;
            }
        }
        return -1;
    }

    /** Where a leading "Label:" ends (the word after the colon), or -1. */
    private static int colonLabelEnd(TextLine line, Segment segment) {
        for (int i = segment.from(); i < segment.to() - 1 && i < segment.from() + 6; i++) {
            if (line.words().get(i).text().endsWith(":")) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Addresses: a column run of one to five lines starting under (or at) any line, joined as
     * {@link #joinParts} says (with a space only when the field asks for the text as printed), and
     * single segments whose parts are separated by "·", "|" or " - ".
     */
    private List<Candidate> addresses(boolean asPrinted) {
        List<Candidate> out = new ArrayList<>();
        for (TextLine line : doc.lines()) {
            for (Segment segment : line.segments()) {
                if (!segment.hasLetters()) {
                    continue;
                }
                String single = cleanText(joinSeparated(segment.text()));
                // An address has a street and a place: one word ("SR", a receipt's tax code
                // printed on every item line) is a part of one at most.
                if (single.contains(" ")) {
                    out.add(new Candidate(
                            single, single, line, segment.from(), segment.to(), segment.box(), 1.0, Source.SEGMENT, 1));
                }
                int split = labelEnd(line, segment);
                if (split > segment.from() && split < segment.to()) {
                    afterLabel(line, segment, split, joinSeparated(line.textOf(split, segment.to())))
                            .ifPresent(out::add);
                }
                if (!mayBeAddressLine(line, segment)) {
                    continue;
                }
                List<String> parts = new ArrayList<>();
                Box box = segment.box();
                int first = segment.from();
                if (split > segment.from() && split < segment.to() && namesAnAddress(line, segment, split)) {
                    // "HQ ADD: LOT 11995, BATU 2" / "41400 KLANG": the caption is no part of the address.
                    first = split;
                    box = line.boxOf(split, segment.to());
                }
                parts.add(cleanText(line.textOf(first, segment.to())));
                TextLine current = line;
                Segment currentSegment = segment;
                List<TextLine> pageLines = doc.pageLines(line.page());
                for (int n = 1; n < MAX_BLOCK_LINES; n++) {
                    TextLine[] found = new TextLine[1];
                    Segment next = nextInColumn(pageLines, current, currentSegment, found);
                    if (next == null) {
                        break;
                    }
                    TextLine nextLine = found[0];
                    int end = typedLabelInside(nextLine, next);
                    String text = cleanText(nextLine.textOf(next.from(), end));
                    if (text.isEmpty()
                            || !mayBeAddressLine(nextLine, next)
                            || followsCaption(nextLine, next)
                            || opensWithAddressCaption(nextLine, next)) {
                        break;
                    }
                    if (parts.size() > 1
                            && !continues(parts.getLast())
                            && !isParentheticalRemark(text)
                            // A country's name alone ("Nederland") ends the address above it.
                            && !DocumentContextDetector.isCountryName(text)
                            && isPhraseBlock(parts)) {
                        out.add(block(parts, asPrinted, line, first, segment, box));
                    }
                    parts.add(text);
                    box = Box.union(box, nextLine.boxOf(next.from(), end));
                    if (end < next.to()) {
                        break;
                    }
                    current = nextLine;
                    currentSegment = next;
                }
                if (parts.size() > 1 && isPhraseBlock(parts)) {
                    out.add(block(parts, asPrinted, line, first, segment, box));
                }
            }
        }
        return out;
    }

    /**
     * Whether the segment comes right after a "Caption:" of its own on its line: in a column of
     * captioned values ("Property address: 1420 Elm Street" over "Lease term: 12 months") the
     * value under an address belongs to its caption, not to the address.
     */
    private static boolean followsCaption(TextLine line, Segment segment) {
        Segment before = null;
        for (Segment s : line.segments()) {
            if (s.to() <= segment.from()) {
                before = s;
            }
        }
        return before != null && before.text().strip().endsWith(":");
    }

    /**
     * Where a label of a typed value ("Tel No.:", "Fax", "E-mail") starts inside an address line,
     * after a word the print closed with a period or comma ("81750 Johor Bahru, Johor. Tel No.:
     * 07-387 3322"): the address ends there. The segment's end when there is none.
     */
    private int typedLabelInside(TextLine line, Segment segment) {
        for (int i = segment.from() + 1; i < segment.to(); i++) {
            String before = line.words().get(i - 1).text();
            if (!before.endsWith(".") && !before.endsWith(",")) {
                continue;
            }
            for (int end = Math.min(segment.to(), i + 3); end > i; end--) {
                LabelMatch label = doc.lexicon().match(Tokenizer.tokens(line.textOf(i, end)));
                if (!label.isEmpty() && label.coverage() >= 0.99 && isTypedLabel(label)) {
                    return i;
                }
            }
        }
        return segment.to();
    }

    /** Whether every concept a label names is of a typed value (a phone, a number), not a party's. */
    private boolean isTypedLabel(LabelMatch label) {
        return label.concepts().stream().allMatch(c -> {
            String kind = doc.lexicon().concept(c).tag("kind");
            return kind != null && !kind.equals("address") && !kind.equals("name") && !kind.equals("text");
        });
    }

    /** The lines of an address block as one candidate, from {@code line}'s segment on. */
    private static Candidate block(
            List<String> parts, boolean asPrinted, TextLine line, int from, Segment segment, Box box) {
        String joined = asPrinted ? String.join(" ", parts) : joinParts(parts);
        return new Candidate(joined, joined, line, from, segment.to(), box, 1.0, Source.BLOCK, parts.size());
    }

    /**
     * Whether a block has a line of more than one word: a column of single words ("SR" / "SR",
     * the tax code at the end of a receipt's item lines) is a table column, not an address.
     */
    private static boolean isPhraseBlock(List<String> parts) {
        return parts.stream().anyMatch(part -> part.contains(" "));
    }

    /**
     * A line ending in a comma goes on: a block ends there only when no address line follows. So
     * does one ending in a postal code set apart by a comma ("BANDAR BUKIT RAJA, 41050" /
     * "KLANG SELANGOR"): the code is the start of the place's part, whose name follows.
     */
    private static boolean continues(String part) {
        return part.endsWith(",") || POSTCODE_OPENING_A_PART.matcher(part).find();
    }

    /**
     * A line of words wholly in parentheses ("(MR DIY TESCO TERBAU)", "(Hinterhaus)") qualifies
     * the line above it: a block does not end right before it.
     */
    private static boolean isParentheticalRemark(String text) {
        return text.startsWith("(")
                && text.endsWith(")")
                && text.indexOf(')') == text.length() - 1
                && !DocumentIndex.hasDigit(text);
    }

    private static final Pattern POSTCODE_OPENING_A_PART = Pattern.compile(",\\s*\\d{4,6}$");

    /** A registration number standing alone on its line: "(81109-A)", "(CO.REG :933109-X)". */
    private static final Pattern REGISTRATION_LINE =
            Pattern.compile("^\\(?\\s*(?:[A-Za-z. -]*:)?\\s*\\d{4,}[\\d -]*[A-Z]?\\s*\\)?$");

    /**
     * Whether a segment can be a line of a multi-line address: not a registration number alone,
     * and not opened by a label of something else ("Tel:", "GST ID:", "KvK", "Date:"), which
     * follows an address block rather than belonging to it.
     */
    private boolean mayBeAddressLine(TextLine line, Segment segment) {
        if (REGISTRATION_LINE.matcher(segment.text().strip()).matches()) {
            return false;
        }
        int split = labelEnd(line, segment);
        // A line opening with a number is a street line ("32 bis place ..."), never a label.
        if (split <= segment.from()
                || DocumentIndex.hasDigit(line.words().get(segment.from()).text())
                || opensAStreetLine(line, segment, split)) {
            return true;
        }
        LabelMatch label = doc.lexicon().match(Tokenizer.tokens(line.textOf(segment.from(), split)));
        // Party labels ("Bill to:") open an address block; labels of typed values end one, and so
        // does a "Caption:" the lexicon does not know ("Carrier: DHL Express").
        return label.concepts().stream().anyMatch(c -> {
                    String kind = doc.lexicon().concept(c).tag("kind");
                    return kind == null || kind.equals("address") || kind.equals("name");
                })
                || label.isEmpty() && !line.words().get(split - 1).text().endsWith(":");
    }

    /** Whether a segment opens with an address caption: a new address starts there. */
    private boolean opensWithAddressCaption(TextLine line, Segment segment) {
        int split = labelEnd(line, segment);
        return split > segment.from() && split < segment.to() && namesAnAddress(line, segment, split);
    }

    /** Whether the label opening a segment ({@code [from, split)}) names an address ("Address:", "Add:"). */
    private boolean namesAnAddress(TextLine line, Segment segment, int split) {
        LabelMatch label = doc.lexicon().match(Tokenizer.tokens(line.textOf(segment.from(), split)));
        return label.concepts().stream()
                .anyMatch(c -> "address".equals(doc.lexicon().concept(c).tag("kind")));
    }

    /**
     * Whether the value after a caption is a house number the line goes on from, after a comma,
     * in words ("No: 28, JALAN ASTANA 1C,", "Lot No : 20, Level UG1, Publika Solaris"): the
     * caption numbers the building, and the line is the address's first. A captioned number
     * standing alone ("Invoice No: 4711") is not.
     */
    private static boolean opensAStreetLine(TextLine line, Segment segment, int split) {
        if (split >= segment.to() - 1) {
            return false;
        }
        String value = line.words().get(split).text();
        return value.endsWith(",") && DocumentIndex.hasDigit(value) && hasLetter(line.textOf(split + 1, segment.to()));
    }

    /**
     * The segment under {@code segment} in the same column on one of the next lines (lines of
     * another column may sit in between), if close enough; with the line it is on.
     */
    private Segment nextInColumn(List<TextLine> pageLines, TextLine line, Segment segment, TextLine[] found) {
        double bottom = segment.box().y1();
        for (int i = line.pageIndex() + 1; i < pageLines.size(); i++) {
            TextLine next = pageLines.get(i);
            if (next.box().y0() - bottom > 2.2 * Math.max(line.height(), doc.medianLineHeight())) {
                return null;
            }
            for (Segment s : next.segments()) {
                if (Math.abs(s.box().x0() - segment.box().x0()) < 0.02
                        || (s.box().x0() < segment.box().x1()
                                && s.box().x1() > segment.box().x0()
                                && Math.abs(s.box().centerX() - segment.box().centerX()) < 0.02)) {
                    found[0] = next;
                    return s;
                }
            }
        }
        return null;
    }

    /** A last word that is an abbreviation ("Str.", "St.", "D.E."), whose period closes nothing. */
    private static final Pattern ABBREVIATION_END = Pattern.compile("(?:^|\\s)(?:\\p{L}{1,3}\\.|(?:\\p{L}\\.){2,})$");

    /**
     * The lines of an address block as one value. Lines the document punctuated itself (any but
     * the last ending in a comma: "LOT 12, JALAN KPB 6," / "43300 SERI KEMBANGAN", or any ending
     * in a full stop: "… 44300 BATANG KALI, SELANGOR.", "Publika Solaris" / "Dutamas." / "No 1,
     * Jalan Dutamas") keep their own punctuation and join with a space, as printed; unpunctuated
     * lines ("Fiulring 146a" / "48713 Nokvolheim") join with ", ", the usual one-line form of an
     * address.
     */
    static String joinParts(List<String> parts) {
        boolean punctuated = parts.subList(0, parts.size() - 1).stream().anyMatch(part -> part.endsWith(","))
                || parts.stream().anyMatch(CandidateFinder::endsWithFullStop);
        return String.join(punctuated ? " " : ", ", parts);
    }

    /** Whether a line ends with a period that is no abbreviation's ("Str.", "D.E."). */
    private static boolean endsWithFullStop(String part) {
        return part.endsWith(".") && !ABBREVIATION_END.matcher(part).find();
    }

    private static String joinSeparated(String text) {
        return text.replaceAll("\\s+[·•|]\\s+", ", ").replaceAll("\\s+-\\s+", ", ");
    }

    /** Segment text without a trailing colon or dot leaders. */
    static String cleanText(String text) {
        String t = text.replaceAll("(\\s*\\.){3,}", " ").replaceAll("\\s+", " ").strip();
        while (t.endsWith(":") || t.endsWith("|")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        while (t.startsWith(":") || t.startsWith("|")) {
            t = t.substring(1).strip();
        }
        return t;
    }

    private static boolean hasLetter(String text) {
        return text.chars().anyMatch(Character::isLetter);
    }

    /** Currency codes: every ISO code or symbol printed, and the document's currency as implied. */
    private List<Candidate> currencies() {
        List<Candidate> out = new ArrayList<>(scanned(scanners.currencies()));
        if (doc.context().currency() != null) {
            out.add(Candidate.inferred(doc.context().currency(), 1.0));
        }
        return out;
    }

    /** A flag: the yes/no words and check marks found, and its absence read as false. */
    private List<Candidate> flags(FieldQuery query) {
        List<Candidate> out = new ArrayList<>(scanned(scanners.booleans()));
        Set<String> stems = new HashSet<>(query.nameTokens());
        for (TextLine line : doc.lines()) {
            for (Segment segment : line.segments()) {
                List<String> tokens = segment.tokens();
                if (tokens.isEmpty() || tokens.size() > 3) {
                    continue;
                }
                boolean hit = false;
                boolean negated = false;
                for (String token : tokens) {
                    hit |= stems.contains(token)
                            || query.conceptWeights()
                                            .getOrDefault(
                                                    doc.lexicon().match(List.of(token)).concepts().stream()
                                                            .findFirst()
                                                            .orElse(""),
                                                    0.0)
                                    >= 0.99;
                    negated |= token.startsWith("un") && stems.contains(token.substring(2))
                            || token.equals("not")
                            || token.equals("nicht")
                            || token.equals("non");
                }
                if (hit) {
                    out.add(new Candidate(
                            !negated,
                            segment.text(),
                            line,
                            segment.from(),
                            segment.to(),
                            segment.box(),
                            1.0,
                            Source.SEGMENT,
                            1));
                }
            }
        }
        out.add(Candidate.inferred(Boolean.FALSE, 0.5));
        return out;
    }

    /** Enum values printed in the document (whole words, any case). */
    private List<Candidate> choices(List<String> values) {
        List<Candidate> out = new ArrayList<>();
        for (TextLine line : doc.lines()) {
            String folded = Tokenizer.fold(line.text());
            for (String value : values) {
                String v = Tokenizer.fold(value);
                int at = folded.indexOf(v);
                while (at >= 0) {
                    boolean startOk = at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1));
                    int end = at + v.length();
                    boolean endOk = end >= folded.length() || !Character.isLetterOrDigit(folded.charAt(end));
                    if (startOk && endOk) {
                        int[] words = line.wordsOf(at, end);
                        if (words[1] > words[0]) {
                            out.add(new Candidate(
                                    value,
                                    line.text().substring(at, end),
                                    line,
                                    words[0],
                                    words[1],
                                    line.boxOf(words[0], words[1]),
                                    1.0,
                                    Source.SCANNED,
                                    1));
                        }
                    }
                    at = folded.indexOf(v, at + 1);
                }
            }
        }
        return out;
    }

    private static List<Candidate> dedupe(List<Candidate> candidates) {
        Map<String, Candidate> out = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            String key = (c.line() == null ? -1 : c.line().index()) + ":" + c.from() + ":" + c.to() + ":" + c.value();
            Candidate old = out.get(key);
            if (old == null || old.quality() < c.quality()) {
                out.put(key, c);
            }
        }
        return new ArrayList<>(out.values());
    }
}
