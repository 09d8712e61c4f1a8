package dev.strata.adapters.rest.http;

/**
 * Strict UTF-8 (RFC 3629), checked byte by byte: no overlong forms ({@code C0 AF} is not '/'), no
 * surrogates, nothing above U+10FFFF, no sequence cut short. Request bodies and decoded URIs pass
 * here, so that text is never silently changed into something else on its way in.
 */
public final class Utf8 {

    private int needed;
    private int lower = 0x80;
    private int upper = 0xBF;

    /** Checks a whole byte sequence. */
    public static boolean valid(byte[] bytes, int offset, int length) {
        Utf8 check = new Utf8();
        return check.accept(bytes, offset, length) && check.complete();
    }

    /** Feeds bytes; {@code false} once they cannot be UTF-8, whatever follows. */
    public boolean accept(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (!accept(bytes[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /** Feeds one byte (0 to 255). */
    public boolean accept(int b) {
        if (needed == 0) {
            if (b <= 0x7F) {
                return true;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                lower = b == 0xE0 ? 0xA0 : 0x80;
                upper = b == 0xED ? 0x9F : 0xBF;
                needed = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                lower = b == 0xF0 ? 0x90 : 0x80;
                upper = b == 0xF4 ? 0x8F : 0xBF;
                needed = 3;
            } else {
                needed = -1;
                return false;
            }
            return true;
        }
        if (needed < 0 || b < lower || b > upper) {
            needed = -1;
            return false;
        }
        lower = 0x80;
        upper = 0xBF;
        needed--;
        return true;
    }

    /** Whether the bytes fed so far end on a whole character. */
    public boolean complete() {
        return needed == 0;
    }
}
