/**
 * Version ordering as each package manager does it (dpkg, rpm, apk) and version constraints over it.
 * <p>
 * Policies decide "is the installed openssl older than the fixed one", so a comparison that differs from the
 * package manager's own by one corner case (a tilde, an epoch, a missing release) gives a wrong verdict. The orders
 * here are therefore reimplemented from the package managers' sources, checked against the real tools where they
 * are installable, and total over every string: versions come from untrusted images, so a malformed one must still
 * sort somewhere, the same way every time, instead of failing an inspection.
 */
package io.github.guestinspect.version;
