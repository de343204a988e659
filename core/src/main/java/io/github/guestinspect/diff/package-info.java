/**
 * Build-to-build differences: packages added, removed, upgraded and downgraded per image, ordered with the
 * image's own version semantics.
 */
package io.github.guestinspect.diff;
