/**
 * Parsers for files read out of an image: os-release, fstab, the dpkg status file and the apk database.
 * Everything here is untrusted input: the parsers accept any bytes, never fail on malformed lines (they skip
 * them) and never interpret content beyond the fields they need.
 */
package io.github.guestinspect.guest;
