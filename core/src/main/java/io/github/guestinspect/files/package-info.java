/**
 * Files written whole or not at all, by concurrent threads and processes sharing a directory (the cache, the history,
 * reports): each is written to a temporary file that names its writer and renamed into place, so a reader sees the
 * old file or the new one, and what a killed writer left is recognised and removed by the next run.
 */
package io.github.guestinspect.files;
