package io.docextract.server;

import com.github.f4b6a3.uuid.UuidCreator;
import java.util.Locale;
import java.util.UUID;

/**
 * Public ids: a type prefix and a UUIDv7 in Crockford base32, so that ids sort by creation time
 * ({@code job_01jf3k...}).
 */
public final class Ids {

    private static final char[] CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private Ids() {}

    public static String newId(String prefix) {
        return prefix + "_" + base32(UuidCreator.getTimeOrderedEpoch());
    }

    /**
     * The same shape from a fast random instead of the secure one: for ids that only label
     * something and need not be hard to guess (request ids). The secure random reads
     * {@code /dev/urandom} under a lock, a fiftieth of a filtered list's time.
     */
    public static String newLabel(String prefix) {
        return prefix + "_" + base32(UuidCreator.getTimeOrderedEpochFast());
    }

    static String base32(UUID uuid) {
        long hi = uuid.getMostSignificantBits();
        long lo = uuid.getLeastSignificantBits();
        char[] out = new char[26];
        // 128 bits as 26 five-bit digits, most significant first (the first digit holds 3 bits).
        for (int i = 25; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (lo & 31)];
            lo = (lo >>> 5) | (hi << 59);
            hi >>>= 5;
        }
        return new String(out).toLowerCase(Locale.ROOT);
    }
}
