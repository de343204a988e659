/**
 * The result cache: inspection results stored as Smile, keyed by the image's content hash (plus the schema and
 * reader versions), so a copied or renamed image still hits and a changed one never does. Entries are written to a
 * temporary file and renamed atomically; a damaged or outdated entry is reported, deleted and recomputed.
 */
package io.github.guestinspect.cache;
