package io.github.guestinspect.cache;

/** A cache entry that cannot be used (damaged, truncated, another schema): it is deleted and recomputed. */
final class CacheEntryException extends Exception {
    private static final long serialVersionUID = 1L;

    CacheEntryException(final String message) {
        super(message);
    }

    CacheEntryException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
