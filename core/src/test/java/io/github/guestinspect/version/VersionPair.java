package io.github.guestinspect.version;

/** Two versions to compare, left against right. */
record VersionPair(String left, String right) {
    @Override
    public String toString() {
        return "'" + left + "' vs '" + right + "'";
    }
}
