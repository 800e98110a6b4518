package io.docextract.engine.fields;

import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Page;
import io.docextract.engine.layout.Word;
import io.docextract.engine.values.DocumentContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document prepared for field finding: every line with its segments and label matches, in
 * reading order, plus document-wide facts (context, typical font size, which party issued it).
 * Answers the spatial questions candidates ask: what is left of me, what is above me.
 */
final class DocumentIndex {

    /** A word gap wider than this many line heights starts a new segment. */
    private static final double SEGMENT_GAP = 1.1;

    /** ... and wider than this many mean character widths of the line's words. */
    private static final double CHAR_GAP = 1.6;
    /**
     * A line of words whose gaps are all within this ratio of each other, and no wider than
     * {@link #EVEN_GAP_CHARS} character widths, is one phrase in evenly spaced print.
     */
    private static final double EVEN_GAP_RATIO = 2;
    /** See {@link #EVEN_GAP_RATIO}: a column gap of a table row is wider than this. */
    private static final double EVEN_GAP_CHARS = 2.5;
    /** A column gap is at least this many of the page's usual word spaces. */
    private static final double WORD_SPACES = 2;
    /** Gaps a page needs before its usual word space can be told. */
    private static final int WORD_SPACE_SAMPLE = 20;

    private static final int ABOVE_LINES = 6;

    /**
     * Money as a till or an invoice prints it, with two decimals ("28.58", "1,42 €"): the digit
     * groups of a phone number ("+33 (0)1 99 00 13 56") also read as an amount.
     */
    static final Pattern MONEY = Pattern.compile("\\d[.,]\\d{2}(?!\\d)");

    /** Below this OCR confidence a word without letters between a caption and its value is noise. */
    private static final double NOISE_CONFIDENCE = 0.7;

    private final Layout layout;
    private final List<TextLine> lines;
    private final List<List<TextLine>> linesByPage;
    private final DocumentContext context;
    private final Lexicon lexicon;
    private final double medianFontSize;
    private final double medianLineHeight;
    private final Party issuer;
    private final boolean creditNote;
    private List<String> foldedLines;
    private final Set<String> senderNames;

    DocumentIndex(Layout layout, DocumentContext context, Lexicon lexicon, Party extractorIssuer) {
        this.layout = layout;
        this.context = context;
        this.lexicon = lexicon;
        List<TextLine> all = new ArrayList<>();
        List<List<TextLine>> byPage = new ArrayList<>();
        for (Page page : layout.pages()) {
            List<TextLine> pageLines = new ArrayList<>();
            int pageIndex = 0;
            double wordSpace = wordSpace(page);
            for (Line line : page.lines()) {
                TextLine textLine = build(all.size(), page, pageIndex++, line, wordSpace);
                all.add(textLine);
                pageLines.add(textLine);
            }
            byPage.add(pageLines);
        }
        this.lines = List.copyOf(all);
        this.linesByPage = byPage;
        this.medianFontSize = median(all.stream()
                .flatMap(l -> l.words().stream())
                .mapToDouble(Word::fontSize)
                .filter(f -> f > 0)
                .toArray());
        this.medianLineHeight =
                median(all.stream().mapToDouble(TextLine::height).toArray());
        this.issuer = extractorIssuer != null ? extractorIssuer : issuerFromTitle();
        this.creditNote = titledCreditNote();
        this.senderNames = senderNames();
    }

    /** The names that open one-line return addresses ("Bei Spiel GmbH ● Ecke 12 ● …"), folded. */
    private Set<String> senderNames() {
        Set<String> names = new HashSet<>();
        for (TextLine line : lines) {
            for (Segment segment : line.segments()) {
                int end = senderNameEnd(line, segment);
                if (end > 0) {
                    names.add(Tokenizer.fold(line.textOf(segment.from(), end)).strip());
                }
            }
        }
        return Set.copyOf(names);
    }

    /**
     * Whether a text is the name a return address gives for the sender: wherever else it is
     * printed (a letterhead, a footer) it names the issuer.
     */
    boolean isSenderName(String text) {
        return !senderNames.isEmpty()
                && senderNames.contains(Tokenizer.fold(text).strip());
    }

    /**
     * The page's usual space between two words, in character widths of their line: the gap most
     * pairs of neighbouring words keep or exceed only a little (its 30th percentile, since
     * column gaps make up much of the rest); 0 on pages with too few gaps to tell. OCR that boxes
     * each word tightly around its letters (thermal print read by PP-OCR) leaves two character
     * widths between words; text layers and Tesseract about one.
     */
    private static double wordSpace(Page page) {
        List<Double> gaps = new ArrayList<>();
        for (Line line : page.lines()) {
            List<Word> words = withKernedInitialsJoined(line).words();
            double charWidth = charWidth(words);
            for (int i = 1; i < words.size() && charWidth > 0; i++) {
                if (!isLeader(words.get(i)) && !isLeader(words.get(i - 1))) {
                    gaps.add((words.get(i).box().x0() - words.get(i - 1).box().x1()) / charWidth);
                }
            }
        }
        if (gaps.size() < WORD_SPACE_SAMPLE) {
            return 0;
        }
        gaps.sort(null);
        return gaps.get((int) (0.3 * gaps.size()));
    }

    private TextLine build(int index, Page page, int pageIndex, Line printed, double wordSpace) {
        Line line = withKernedInitialsJoined(printed);
        List<Word> words = line.words();
        int[] starts = new int[words.size()];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                text.append(' ');
            }
            starts[i] = text.length();
            text.append(words.get(i).text());
        }
        double lineHeightPts =
                median(words.stream().mapToDouble(w -> w.box().height()).toArray()) * page.height();
        // Glyph boxes of some fonts are much lower than the type's advance (monospaced till
        // receipts): a gap one character wide is still a space there, not a column break.
        double charWidthPts = charWidth(words) * page.width();
        double minGapPts = Math.max(SEGMENT_GAP * lineHeightPts, CHAR_GAP * charWidthPts);
        if (wordSpace > CHAR_GAP) {
            // Words usually stand further apart than a column gap by characters: a column is
            // then at least two of the page's word spaces ("POPULAR BOOK" stays one name).
            minGapPts = Math.max(minGapPts, WORD_SPACES * wordSpace * charWidthPts);
        }
        if (evenlySpacedPhrase(words, charWidth(words))) {
            // A receipt's letterhead in double-width letters ("SYARIKAT PERNIAGAAN GIN KEE")
            // keeps gaps of one to two of its character widths between all its words: none of
            // them is a column gap (a row of columns has gaps much wider than its word spaces).
            minGapPts = Double.MAX_VALUE;
        }
        List<Segment> segments = new ArrayList<>();
        int from = 0;
        while (from < words.size() && isLeader(words.get(from))) {
            from++;
        }
        for (int i = from + 1; i <= words.size(); i++) {
            boolean split = i == words.size();
            boolean leader = !split && isLeader(words.get(i));
            if (!split) {
                double gapPts =
                        (words.get(i).box().x0() - words.get(i - 1).box().x1()) * page.width();
                split = leader || gapPts > Math.max(minGapPts, 1e-6);
            }
            if (split) {
                if (from < i) {
                    segments.add(segment(index, words, from, i));
                }
                from = i;
                // Dot leaders join a label to its value across a column gap; they belong to neither.
                while (from < words.size() && isLeader(words.get(from))) {
                    from++;
                }
                i = from;
            }
        }
        if (segments.isEmpty() && !words.isEmpty()) {
            segments.add(segment(index, words, 0, words.size()));
        }
        return new TextLine(
                index,
                page.number(),
                pageIndex,
                page.width(),
                page.height(),
                line,
                text.toString(),
                starts,
                segments,
                page.ocr());
    }

    /**
     * Some text layers draw a word's capital apart from the rest ("F actuurnummer": the kerned
     * initial touches the next glyph): a single capital touching a lower-case word is one word
     * with it, or no label would match.
     */
    static Line withKernedInitialsJoined(Line line) {
        List<Word> words = line.words();
        List<Word> out = new ArrayList<>(words.size());
        for (Word word : words) {
            Word previous = out.isEmpty() ? null : out.getLast();
            if (previous != null && isKernedInitial(previous, word)) {
                out.set(
                        out.size() - 1,
                        new Word(
                                previous.text() + word.text(),
                                Box.union(previous.box(), word.box()),
                                Math.min(previous.confidence(), word.confidence()),
                                Math.max(previous.fontSize(), word.fontSize()),
                                previous.bold() || word.bold()));
            } else {
                out.add(word);
            }
        }
        return out.size() == words.size() ? line : new Line(out);
    }

    private static boolean isKernedInitial(Word initial, Word rest) {
        String a = initial.text();
        String b = rest.text();
        if (a.length() != 1
                || !Character.isUpperCase(a.charAt(0))
                || b.isEmpty()
                || !Character.isLowerCase(b.charAt(0))) {
            return false;
        }
        double charWidth = (rest.box().width()) / b.length();
        double gap = rest.box().x0() - initial.box().x1();
        return Math.abs(gap) < 0.1 * charWidth;
    }

    /**
     * Whether a line is words of letters only (no figures: table rows, dates), at least three,
     * whose gaps are all within {@link #EVEN_GAP_RATIO} of each other and no wider than
     * {@link #EVEN_GAP_CHARS} character widths.
     */
    private static boolean evenlySpacedPhrase(List<Word> words, double charWidth) {
        if (words.size() < 3 || charWidth <= 0) {
            return false;
        }
        double narrowest = Double.MAX_VALUE;
        double widest = 0;
        for (int i = 0; i < words.size(); i++) {
            if (hasDigit(words.get(i).text()) || isLeader(words.get(i))) {
                return false;
            }
            if (i > 0) {
                double gap = words.get(i).box().x0() - words.get(i - 1).box().x1();
                narrowest = Math.min(narrowest, gap);
                widest = Math.max(widest, gap);
            }
        }
        return narrowest > 0 && widest <= EVEN_GAP_RATIO * narrowest && widest <= EVEN_GAP_CHARS * charWidth;
    }

    /** Mean width of one character of the line's words, as a share of the page width. */
    private static double charWidth(List<Word> words) {
        double width = 0;
        int chars = 0;
        for (Word w : words) {
            if (!isLeader(w)) {
                width += w.box().width();
                chars += w.text().length();
            }
        }
        return chars == 0 ? 0 : width / chars;
    }

    /** A word made only of leader dots, dashes or underscores (". . . ." between label and value). */
    static boolean isLeader(Word word) {
        String t = word.text();
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '.' && c != '_' && c != '…') {
                return false;
            }
        }
        return true;
    }

    private Segment segment(int lineIndex, List<Word> words, int from, int to) {
        StringBuilder text = new StringBuilder();
        Box box = words.get(from).box();
        for (int i = from; i < to; i++) {
            if (i > from) {
                text.append(' ');
            }
            text.append(words.get(i).text());
            box = Box.union(box, words.get(i).box());
        }
        List<String> tokens = Tokenizer.tokens(text.toString());
        return new Segment(lineIndex, from, to, text.toString(), box, tokens, lexicon.match(tokens));
    }

    Layout layout() {
        return layout;
    }

    List<TextLine> lines() {
        return lines;
    }

    List<TextLine> pageLines(int page) {
        return linesByPage.get(page - 1);
    }

    DocumentContext context() {
        return context;
    }

    Lexicon lexicon() {
        return lexicon;
    }

    Party issuer() {
        return issuer;
    }

    double medianFontSize() {
        return medianFontSize;
    }

    double medianLineHeight() {
        return medianLineHeight;
    }

    /**
     * On how many other lines the words {@code [from, to)} of {@code line} are printed again,
     * outside blocks labelled for {@code own} party. An issuer's name and address recur
     * (letterhead, sender line above the window, footer, "Bill to" on a purchase order) where a
     * recipient's are printed once, or again only under their own label (a payslip's "Employee").
     */
    int echoes(TextLine line, int from, int to, Party own) {
        String text = Tokenizer.fold(line.textOf(from, to)).strip();
        if (text.length() < 4 || text.chars().noneMatch(Character::isLetter)) {
            return 0;
        }
        if (foldedLines == null) {
            foldedLines = lines.stream().map(l -> Tokenizer.fold(l.text())).toList();
        }
        int n = 0;
        for (int i = 0; i < foldedLines.size(); i++) {
            if (i != line.index()
                    && foldedLines.get(i).contains(text)
                    && (own == null || blockParty(lines.get(i), lines.get(i).box()) != own)) {
                n++;
            }
        }
        return n;
    }

    List<String> lineTexts() {
        return lines.stream().map(TextLine::text).toList();
    }

    /**
     * The label left of words {@code [from, to)}: the words before them in their segment after
     * the last word holding a digit (so "from 1.3. to 31.3." gives "to" to the second date), else
     * the segment before on the same line, else the words that open the segment.
     * When only a connective stands between the value and an earlier value of the row, the row's
     * caption joins the label: a date after "vom" ("Rechnung Nr. 4711 vom 05.03.2018"), an
     * identifier after a bare number sign ("Handelsrechnung (380) Nr. 471102").
     */
    Label leftLabel(TextLine line, int from, FieldKind kind) {
        Segment own = line.segmentOf(from);
        int start = own.from();
        for (int i = from - 1; i >= own.from(); i--) {
            if (hasDigit(line.words().get(i).text())) {
                start = i + 1;
                break;
            }
        }
        if (start < from && hasLetters(line, start, from)) {
            Label words = label(
                    line.textOf(start, from),
                    line.boxOf(start, from),
                    line.words().get(from).box(),
                    true,
                    0);
            return start > own.from() && isConnective(words, kind) ? withRowCaption(line, own, words) : words;
        }
        if (from == own.from() || start == own.from() && !hasLetters(line, own.from(), from)) {
            int si = line.segments().indexOf(own);
            if (si > 0) {
                Segment prev = line.segments().get(si - 1);
                int ps = prev.from();
                for (int i = prev.to() - 1; i >= prev.from(); i--) {
                    if (hasDigit(line.words().get(i).text())) {
                        // "from 1.3. to": the words after the last value, when there are any.
                        ps = hasLetters(line, i + 1, prev.to()) ? i + 1 : prev.from();
                        break;
                    }
                }
                if (hasLetters(line, ps, prev.to())) {
                    return label(
                            line.textOf(ps, prev.to()),
                            line.boxOf(ps, prev.to()),
                            line.words().get(from).box(),
                            false,
                            0);
                }
                if (si > 1 && isNoiseBeforeValue(line, prev)) {
                    return captionBeyond(line, line.segments().get(si - 2), from);
                }
            }
            return Label.NONE;
        }
        // Only values between the segment's opening words and us: the opening words label the row.
        int end = own.from();
        while (end < from && !hasDigit(line.words().get(end).text())) {
            end++;
        }
        if (end > own.from() && hasLetters(line, own.from(), end)) {
            return label(
                    line.textOf(own.from(), end),
                    line.boxOf(own.from(), end),
                    line.words().get(from).box(),
                    true,
                    1);
        }
        return Label.NONE;
    }

    /**
     * OCR noise between a caption and its value ("TOTAL ROUNDED | ?3-1 0 | RM 33.90"): a segment
     * without letters or money of its own that holds a word the reader was unsure of. It does not
     * take the caption away from the value; a clean figure there (a quantity column) still does.
     */
    private static boolean isNoiseBeforeValue(TextLine line, Segment segment) {
        String text = line.textOf(segment.from(), segment.to());
        if (hasLetters(line, segment.from(), segment.to())
                || MONEY.matcher(text).find()) {
            return false;
        }
        for (int i = segment.from(); i < segment.to(); i++) {
            if (line.words().get(i).confidence() < NOISE_CONFIDENCE) {
                return true;
            }
        }
        return false;
    }

    /** The caption of the segment left of OCR noise: its words after its last value, if any. */
    private Label captionBeyond(TextLine line, Segment segment, int from) {
        int ps = segment.from();
        for (int i = segment.to() - 1; i >= segment.from(); i--) {
            if (hasDigit(line.words().get(i).text())) {
                ps = i + 1;
                break;
            }
        }
        if (ps >= segment.to() || !hasLetters(line, ps, segment.to())) {
            return Label.NONE;
        }
        return label(
                line.textOf(ps, segment.to()),
                line.boxOf(ps, segment.to()),
                line.words().get(from).box(),
                false,
                1);
    }

    /**
     * Whether the label is one word that only joins a value of the kind to what precedes it: for
     * dates a word the lexicon knows only as the start or end of a range ("vom", "du", "from"; not
     * "auf" in "MwSt. 7 % auf 225,86": the base amount is not the tax), for identifiers a number
     * sign ("Nr.", "#").
     */
    private boolean isConnective(Label words, FieldKind kind) {
        if (words.tokens().size() != 1) {
            return false;
        }
        return switch (kind) {
            case DATE ->
                !words.match().isEmpty()
                        && words.match().concepts().stream()
                                .allMatch(c -> lexicon.concept(c).has("range"));
            case IDENTIFIER -> words.tokens().getFirst().equals("no");
            default -> false;
        };
    }

    /**
     * "Rechnung Nr. 4711 vom 05.03.2018": the date's own label is the connective "vom"; the row's
     * caption before the first value says whose date it is. The label keeps the connective's
     * concepts (a range end stays a range end) and adds the caption's.
     */
    private Label withRowCaption(TextLine line, Segment segment, Label connective) {
        int end = segment.from();
        while (end < segment.to() && !hasDigit(line.words().get(end).text())) {
            end++;
        }
        if (end == segment.from() || !hasLetters(line, segment.from(), end)) {
            return connective;
        }
        List<String> captionTokens = Tokenizer.tokens(line.textOf(segment.from(), end));
        LabelMatch caption = lexicon.match(captionTokens);
        if (caption.isEmpty()) {
            return connective;
        }
        Set<String> concepts = new HashSet<>(caption.concepts());
        concepts.addAll(connective.match().concepts());
        List<String> tokens = new ArrayList<>(captionTokens);
        tokens.addAll(connective.tokens());
        LabelMatch match = new LabelMatch(concepts, caption.coverage(), caption.matchedTokens(), caption.labelTokens());
        return new Label(
                line.textOf(segment.from(), end) + " … " + connective.text(),
                tokens,
                match,
                connective.box(),
                connective.gap(),
                true,
                0);
    }

    /** A segment of letters ending in money with two decimals: a caption and its value. */
    private static final Pattern FILLED_ROW = Pattern.compile("\\p{L}.*\\d[.,]\\d{2}\\)?$");

    /**
     * The nearest segment with letters above {@code box} in the same column, at most a few lines
     * up on the same page: the label of a value written under its caption, or a column header.
     */
    Label aboveLabel(TextLine line, Box box) {
        List<TextLine> page = pageLines(line.page());
        int skipped = 0;
        for (int i = line.pageIndex() - 1; i >= 0 && skipped < ABOVE_LINES; i--) {
            TextLine above = page.get(i);
            if (box.y0() - above.box().y1() > 6 * Math.max(medianLineHeight, line.height())) {
                break;
            }
            Segment hit = null;
            for (Segment segment : above.segments()) {
                if (overlapsColumn(segment.box(), box)) {
                    hit = segment;
                    break;
                }
            }
            if (hit != null && FILLED_ROW.matcher(hit.text()).find()) {
                // "Total Amount: $6.90" over "GST @6%: $0.39": a caption with its own money is a
                // row of a list of captioned values, not the caption of the rows under it.
                break;
            }
            if (hit != null && hit.hasLetters() && !hit.label().isEmpty()) {
                return label(hit.text(), hit.box(), box, false, skipped);
            }
            if (hit != null && hit.hasLetters() && isAlphabetic(withoutRegistrationTail(hit.text()))) {
                return label(hit.text(), hit.box(), box, false, skipped);
            }
            skipped++;
        }
        return Label.NONE;
    }

    /**
     * The party whose block a line belongs to: a party label on the line itself or on a line
     * above in the same column, before a blank stretch; null when no label says.
     */
    Party blockParty(TextLine line, Box box) {
        List<TextLine> page = pageLines(line.page());
        Party own = partyOf(line.segmentOf(0).label());
        for (Segment segment : line.segments()) {
            if (segment.box().x1() <= box.x0() + 1e-6 || overlapsColumn(segment.box(), box)) {
                Party p = partyOf(segment.label());
                if (p == null) {
                    // "N° TVA client", "Customer VAT no.": the label's other words say whose it is.
                    p = partyOf(lexicon.besideBest(segment.tokens()));
                }
                if (p != null) {
                    own = p;
                }
            }
        }
        if (own != null) {
            return own;
        }
        for (Segment segment : line.segments()) {
            if (overlapsColumn(segment.box(), box) && senderNameEnd(line, segment) > 0) {
                return issuer;
            }
        }
        double lastTop = line.box().y0();
        for (int i = line.pageIndex() - 1, n = 0; i >= 0 && n < 8; i--, n++) {
            TextLine above = page.get(i);
            if (lastTop - above.box().y1() > 2.5 * Math.max(medianLineHeight, above.height())) {
                return null;
            }
            for (Segment segment : above.segments()) {
                if (overlapsColumn(segment.box(), box) || Math.abs(segment.box().x0() - box.x0()) < 0.03) {
                    if (senderNameEnd(above, segment) > 0) {
                        // The window address under the sender's one-line return address.
                        return issuer == Party.BUYER ? Party.SELLER : Party.BUYER;
                    }
                    Party p = partyOf(segment.label());
                    if (p != null && segment.label().coverage() >= 0.5) {
                        return p;
                    }
                    lastTop = Math.min(lastTop, above.box().y0());
                }
            }
        }
        return null;
    }

    /**
     * Where the sender's name ends in a one-line return address ("Bei Spiel GmbH ● Ecke 12 ● 12345
     * Stadthausen", "ACME AG - Uferweg 4 - D-63571 Gelnhausen"): the first of three or more parts
     * between separator words, letters only, with a postal code in a later part; -1 for any other
     * segment. Such a line sits above the recipient's window address and names the issuer.
     */
    static int senderNameEnd(TextLine line, Segment segment) {
        List<Segment> segments = line.segments();
        int index = segments.indexOf(segment);
        // Small return-address type splits into segments at its separators: follow the chain.
        if (index > 0 && joinedBySeparator(line, segments.get(index - 1), segment)) {
            return -1;
        }
        int to = segment.to();
        for (int k = index + 1;
                k < segments.size() && joinedBySeparator(line, segments.get(k - 1), segments.get(k));
                k++) {
            to = segments.get(k).to();
        }
        int parts = 1;
        int nameEnd = -1;
        boolean postcode = false;
        for (int i = segment.from(); i < to; i++) {
            String word = line.words().get(i).text();
            if (SENDER_SEPARATORS.contains(word)) {
                if (nameEnd < 0) {
                    nameEnd = i;
                }
                parts++;
            } else if (nameEnd >= 0 && POSTAL_CODE.matcher(word).matches()) {
                postcode = true;
            }
        }
        if (parts < 3 || !postcode || nameEnd <= segment.from()) {
            return -1;
        }
        for (int i = segment.from(); i < nameEnd; i++) {
            if (hasDigit(line.words().get(i).text())) {
                return -1;
            }
        }
        return nameEnd;
    }

    private static boolean joinedBySeparator(TextLine line, Segment left, Segment right) {
        return SENDER_SEPARATORS.contains(line.words().get(left.to() - 1).text())
                || SENDER_SEPARATORS.contains(line.words().get(right.from()).text());
    }

    private static final Set<String> SENDER_SEPARATORS = Set.of("●", "•", "·", "|", "-", "–", "—", "/");
    private static final Pattern POSTAL_CODE = Pattern.compile("(?:[A-Z]{1,2}-)?\\d{4,5},?");

    private Party partyOf(LabelMatch match) {
        for (String concept : match.concepts()) {
            Party party = lexicon.concept(concept).party();
            if (party != null) {
                return party;
            }
        }
        return null;
    }

    private Label label(String text, Box labelBox, Box valueBox, boolean sameSegment, int distance) {
        List<String> tokens = Tokenizer.tokens(text);
        double gap = Math.max(0, valueBox.x0() - labelBox.x1());
        return new Label(text, tokens, lexicon.match(tokens), labelBox, gap, sameSegment, distance);
    }

    private static boolean overlapsColumn(Box a, Box b) {
        double overlap = Math.min(a.x1(), b.x1()) - Math.max(a.x0(), b.x0());
        return overlap > 0;
    }

    private static boolean hasLetters(TextLine line, int from, int to) {
        for (int i = from; i < to; i++) {
            String t = line.words().get(i).text();
            for (int k = 0; k < t.length(); k++) {
                if (Character.isLetter(t.charAt(k))) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text before a company registration number ("AEON CO. (M) BHD (126926-H)"): a name line is
     * a line of words, whatever number the till prints after it.
     */
    private static String withoutRegistrationTail(String text) {
        Matcher m = CandidateFinder.REGISTRATION_TAIL.matcher(text);
        return m.find() ? text.substring(0, m.start()) : text;
    }

    private static boolean isAlphabetic(String text) {
        int letters = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if (Character.isDigit(c)) {
                digits++;
            }
        }
        return letters > 2 * digits;
    }

    /**
     * Whether the document is a credit note: a heading near the top of the first page names one
     * (a short segment, so "credit note" inside a sentence does not count).
     */
    private boolean titledCreditNote() {
        for (TextLine line : lines.subList(0, Math.min(lines.size(), 25))) {
            if (line.page() != 1) {
                break;
            }
            for (Segment segment : line.segments()) {
                LabelMatch label = segment.label();
                if (label.concepts().stream().anyMatch(c -> lexicon.concept(c).has("credit"))
                        && label.labelTokens() <= 3) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A credit note prints its amounts as negatives or as positives under a credit-note title;
     * either way the amounts it states are magnitudes, the title carries the sign.
     */
    boolean creditNote() {
        return creditNote;
    }

    /** The issuer named by the document's title (a purchase order is issued by its buyer). */
    private Party issuerFromTitle() {
        for (TextLine line : lines.subList(0, Math.min(lines.size(), 15))) {
            for (Segment segment : line.segments()) {
                for (String concept : segment.label().concepts()) {
                    String issuerTag = lexicon.concept(concept).tag("issuer");
                    if (issuerTag != null && segment.label().coverage() >= 0.99) {
                        return Party.valueOf(issuerTag.toUpperCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        return Party.SELLER;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
