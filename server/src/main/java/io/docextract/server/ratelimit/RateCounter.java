package io.docextract.server.ratelimit;

/**
 * One limit to count a request against: a subject ({@code org:…} or {@code key:…}), a window and
 * the number of requests it allows there.
 */
record RateCounter(String subject, RateWindow window, int limit) {

    String bucket() {
        return subject + ":" + window.tag();
    }
}
